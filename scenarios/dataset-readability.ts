import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { MsprError } from '../runner/errors.js';
import { createFrameReader } from '../runner/evidence/polars-frame-reader.js';
import { workspaceFiles } from '../runner/evidence/workspace-files.js';
import { DATASETS } from '../runner/safe-read/file-refused.js';
import type { LoadedScenario } from './scenario.js';
import { resolveDatasetPath } from './validate-semantics.js';

const TABULAR = /\.(csv|tsv|txt|xlsx|xlsm|json|jsonl|ndjson)$/i;

/**
 * `scenarios validate` reads every tabular file of the scenario's datasets the way the checks will read them when no
 * traced call did (sniffed separator, decimal mark, encoding, pandas' NA tokens: runner/evidence/reading), and lists
 * each one that cannot be read, with the parser's reason. Only there: grading a submission does not pay for it.
 */
export async function unreadableDatasets(loaded: LoadedScenario): Promise<string[]> {
  const reader = createFrameReader();
  const problems: string[] = [];
  for (const [index, dataset] of loaded.scenario.datasets.entries()) {
    const path = resolveDatasetPath(dataset.path, loaded.baseDir);
    const folder = isFolder(path) ? path : dirname(path);
    const files = workspaceFiles(folder, undefined, DATASETS);
    const names = isFolder(path) ? files.list().filter((name) => TABULAR.test(name)) : [basename(path)];
    for (const name of names) {
      try {
        await reader.summary({ files, path: name });
      } catch (error) {
        if (!(error instanceof MsprError)) throw error;
        const shown = isFolder(path) ? `${dataset.path.replace(/\/$/, '')}/${name}` : dataset.path;
        problems.push(`datasets[${index}].path: "${shown}" cannot be read as the checks read it: ${error.text.en}`);
      }
    }
  }
  return problems;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
