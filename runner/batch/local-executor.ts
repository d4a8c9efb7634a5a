import type { LoadedScenario, SandboxBackendName } from '../../scenarios/scenario.js';
import type { EnvironmentSettings } from '../environment/environment-settings.js';
import type { Lang } from '../i18n.js';
import { runSubmission } from '../run-submission.js';
import type { ServiceProvider } from '../services/service-provider.js';
import type { GraderLimits } from '../settings.js';
import type { TeamExecutor } from './executor.js';

/** What every team of a batch is graded with (the `check` options a batch shares). */
export interface LocalExecutorOptions {
  scenario: LoadedScenario;
  sandbox?: SandboxBackendName;
  python: string;
  lang: Lang;
  workRoot: string;
  services?: ServiceProvider;
  environment?: EnvironmentSettings;
  limits?: GraderLimits;
}

/** Grades each team in this process, each in its own run folder and sandbox, exactly as `check` does. */
export function localExecutor(options: LocalExecutorOptions): TeamExecutor {
  return {
    name: 'local',
    grade: (job, onProgress) =>
      // The roster's `manifest` column: the instructor's plan for this team, as `check --manifest`.
      runSubmission({ ...options, source: job.entry.source, ref: job.entry.ref, manifestFile: job.entry.manifest, members: job.entry.members, deadline: job.deadline, evidenceDir: job.evidenceDir, onProgress }),
  };
}

/**
 * Default pool size: one team per core the scenario's sandbox may use, at least one; the local sandbox
 * has no CPU cap, so a team counts one core there too.
 */
export function defaultConcurrency(cores: number, scenarioCpus: number): number {
  return Math.max(1, Math.floor(cores / Math.max(1, Math.ceil(scenarioCpus))));
}
