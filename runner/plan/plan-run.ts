import { resolve } from 'node:path';
import type { ServiceSpec } from '../../scenarios/scenario.js';
import { toSerializedError } from '../errors.js';
import { t, type Localized } from '../i18n.js';
import type { ProgressListener } from '../progress.js';
import { type CandidateManifest, readCandidateManifest, readManifestFile, type ReadManifest } from '../submission/candidate-manifest.js';
import { buildRunPlan } from './build-run-plan.js';
import type { RunPlan } from './run-plan.js';

export interface PlanRunInput {
  workspaceDir: string;
  /** An instructor's manifest for this team (`--manifest`): the repository's own is then ignored. */
  manifestFile?: string;
  services?: ServiceSpec[];
  /** The scenario runs the candidate's plan (a `candidate: true` step): say what it will run. */
  runsCandidate: boolean;
  /** Adds a line to the report's assumptions. */
  note: (text: Localized) => void;
  progress: ProgressListener;
}

/**
 * The plan stage of a run: reads the manifest (the instructor's, else the repository's), builds the plan
 * and tells the terminal about both. An invalid repository manifest is shown with its error and line, and
 * the discovered plan is used instead; an invalid instructor's manifest stops the run (it is ours to fix).
 */
export function planRun(input: PlanRunInput): { plan: RunPlan; manifest?: CandidateManifest } {
  const read = readManifest(input);
  const plan = buildRunPlan({ workspaceDir: input.workspaceDir, manifest: read, services: input.services });
  if (input.runsCandidate) {
    input.note(plan.notes[0]!);
    input.progress({ type: 'plan', plan });
  }
  return { plan, manifest: read?.manifest };
}

function readManifest(input: PlanRunInput): (ReadManifest & { origin: 'manifest' | 'external-manifest' }) | undefined {
  if (input.manifestFile) {
    const external = readManifestFile(resolve(input.manifestFile), input.manifestFile);
    if (ownManifest(input.workspaceDir) !== 'none') {
      input.note(t(`Le mspr.yaml du dépôt est ignoré : le plan est donné par ${input.manifestFile}.`, `The repository’s mspr.yaml is ignored: the plan is given by ${input.manifestFile}.`));
    }
    return { ...external, origin: 'external-manifest' };
  }
  try {
    const own = readCandidateManifest(input.workspaceDir);
    return own ? { ...own, origin: 'manifest' } : undefined;
  } catch (error) {
    const serialized = toSerializedError(error);
    // The plan printed next says what is used instead ("Run plan (discovered in the repository)").
    const text = t(`mspr.yaml ignoré : ${serialized.message.fr} ${serialized.details.join(' ; ')}`.trim(), `mspr.yaml ignored: ${serialized.message.en} ${serialized.details.join('; ')}`.trim());
    input.note(text);
    // A YAML error's excerpt goes under the terminal notice, where its lines and caret line up; the report's
    // assumption keeps the one-line message (file, line, column), as lists in the reports are one line each.
    input.progress({ type: 'notice', text, ...(serialized.excerpt ? { excerpt: serialized.excerpt } : {}) });
    return undefined;
  }
}

function ownManifest(workspaceDir: string): 'valid' | 'invalid' | 'none' {
  try {
    return readCandidateManifest(workspaceDir) ? 'valid' : 'none';
  } catch {
    return 'invalid';
  }
}
