import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { loadScenario } from '../../scenarios/load-scenario.js';
import { withDatabaseKind } from '../../scenarios/override-database.js';
import type { Lang } from '../i18n.js';
import { openBatchStore, runRegrade } from '../regrade/regrade-batch.js';
import { changesText } from '../regrade/regrade-outputs.js';
import { consoleRegradeProgress, silentRegradeProgress } from '../regrade/regrade-progress.js';
import { resolveGraderLimits, resolvePython } from '../settings.js';
import type { RegradeCommandOptions } from './regrade-command.js';
import { exitCodeOf } from './run-batch-command.js';

/** `mspr-lab regrade`: judge the batch in <out> again, print what changed; returns the exit code. */
export async function runRegradeCommand(out: string, options: RegradeCommandOptions, lang: Lang): Promise<number> {
  const outDir = resolve(out);
  const loaded = await loadScenario(options.scenario ?? storedScenario(outDir));
  const scenario = options.database ? withDatabaseKind(loaded, options.database) : loaded;
  const outcome = await runRegrade({
    outDir,
    scenario,
    only: options.team?.split(',').map((name) => name.trim()).filter(Boolean),
    python: resolvePython(options.python),
    lang,
    limits: resolveGraderLimits(),
    progress: options.quiet ? silentRegradeProgress : consoleRegradeProgress(lang),
    scratchDir: tmpdir(),
  });
  process.stdout.write(`${changesText(outcome.teams, lang)}\n${outcome.files.join('\n')}\n`);
  return exitCodeOf(outcome.summary);
}

/** The scenario file the batch was graded with, as its store records it. */
function storedScenario(outDir: string): string {
  const store = openBatchStore(outDir);
  try {
    return store.batch()?.scenarioSource ?? '';
  } finally {
    store.close();
  }
}
