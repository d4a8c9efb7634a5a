import { appendFileSync } from 'node:fs';
import { githubAnnotations } from '../../reports/github-annotations.js';
import { githubSummaryRenderer } from '../../reports/github-summary.js';
import { renderersFor } from '../../reports/registry.js';
import { loadScenario } from '../../scenarios/load-scenario.js';
import type { Lang } from '../i18n.js';
import { runSubmission } from '../run-submission.js';
import { withDatabaseKind } from '../../scenarios/override-database.js';
import { selectServices } from '../services/select-services.js';
import { resolveEnvironmentSettings } from '../environment/environment-settings.js';
import { resolveGraderLimits, resolvePython, resolveWorkRoot } from '../settings.js';
import type { CheckOptions } from './check-command.js';
import { consoleProgress } from './console-progress.js';
import { exitCodeFor } from './exit-codes.js';
import { formatSummary } from './print-summary.js';
import { writeOutputs } from './write-outputs.js';
import { prepareOutputFolder } from '../output/prepare-output.js';
import { parseDeadline } from '../submission/parse-deadline.js';

/** `mspr-lab check`: grade, write the reports, print the summary; returns the exit code. */
export async function runCheckCommand(submission: string, options: CheckOptions, lang: Lang): Promise<number> {
  // Every input is checked before anything is cloned or run: a bad date or an unwritable --out must not
  // cost a whole grading first.
  const renderers = renderersFor(['json', ...options.format.split(',').map((f) => f.trim()).filter(Boolean)]);
  if (options.deadline !== undefined) parseDeadline(options.deadline);
  const loaded = await loadScenario(options.scenario);
  const scenario = options.database ? withDatabaseKind(loaded, options.database) : loaded;
  const outRoot = prepareOutputFolder(options.out, '--out');
  const workRoot = prepareOutputFolder(resolveWorkRoot(options.workDir), '--work-dir');
  const report = await runSubmission({
    scenario,
    source: submission,
    ref: options.ref,
    deadline: options.deadline,
    sandbox: options.sandbox,
    python: resolvePython(options.python),
    manifestFile: options.manifest,
    lang,
    workRoot,
    keepWorkspace: options.keepWorkspace,
    services: selectServices(options.services ?? 'auto'),
    environment: resolveEnvironmentSettings({ pipIndex: options.pipIndex, pipTrustedHost: options.pipTrustedHost?.split(','), wheelhouse: options.wheelhouse, allowSdist: options.allowSdist }),
    onProgress: options.quiet ? undefined : consoleProgress(lang),
    limits: resolveGraderLimits(),
  });
  let files: string[];
  try {
    files = writeOutputs(report, renderers, outRoot, lang);
  } catch (error) {
    // The grading is done: say its outcome even though the report could not be kept.
    (options.json ? process.stderr : process.stdout).write(`${formatSummary(report, lang, [])}\n`);
    throw error;
  }
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, githubSummaryRenderer.render(report, lang));
  // GitHub reads `::error file=…,line=…::` lines from the job's output and shows them on the files; with --json
  // they go to stderr, so that stdout stays the report alone.
  if (process.env.GITHUB_ACTIONS === 'true') for (const line of githubAnnotations(report, lang)) (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  // --json: stdout is the report alone, so `mspr-lab check … --json | jq` works; people read the summary on stderr.
  if (options.json) {
    process.stderr.write(`${formatSummary(report, lang, files)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else process.stdout.write(`${formatSummary(report, lang, files)}\n`);
  return exitCodeFor(report);
}
