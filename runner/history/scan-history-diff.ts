import { parse } from 'dotenv';
import { isEnvFile, isPlaceholder, scanEnvFile, scanText, type SecretFinding } from '../../checks/repo/secret-scan.js';
import { isSecretEntry } from '../redaction/env-file-secrets.js';
import type { HistorySecret } from './git-history.js';

/** More than this and the evidence lists the first ones: one is enough to fail, the jury reads a few. */
const MAX_SECRETS = 200;
/** Formats that are never text a team types a secret into (as repo/no-secrets leaves them unread). */
const BINARY = /\.(?:png|jpe?g|gif|bmp|ico|webp|pdf|zip|gz|tgz|bz2|xz|7z|pkl|pickle|joblib|h5|pt|pth|onnx|npy|npz|parquet|feather|xlsx?|docx?|sqlite3?|db|whl|pyc)$/i;

/** The lines one commit added to one file, with their line numbers in that commit's version of it. */
interface AddedLines {
  commit: string;
  path: string;
  lines: Array<{ line: number; text: string }>;
}

/**
 * Finds the secrets the commits added, from `git log -p --unified=0 --format=%x00%H` (newest first): the same
 * scan as repo/no-secrets on the added lines of each file. A secret added once is reported once, at the
 * oldest commit that added it (the one to rewrite); the `.env` values found are returned apart, for the redactor.
 */
export function scanHistoryDiff(log: string): { secrets: HistorySecret[]; values: string[]; commits: number } {
  const byPlace = new Map<string, HistorySecret>();
  const values = new Set<string>();
  let commits = 0;
  for (const added of addedLines(log, () => (commits += 1))) {
    if (BINARY.test(added.path)) continue;
    const text = added.lines.map((entry) => entry.text).join('\n');
    let findings: SecretFinding[];
    if (isEnvFile(added.path)) {
      const entries = scanEnvFile(added.path, text);
      const lines = new Set(entries.map((entry) => entry.line));
      findings = [...entries, ...scanText(added.path, text).filter((finding) => !lines.has(finding.line))];
      for (const [name, value] of Object.entries(parse(text))) if (isSecretEntry(name, value) && !isPlaceholder(value)) values.add(value);
    } else findings = scanText(added.path, text);
    for (const finding of findings) {
      const at = added.lines[finding.line - 1];
      if (!at) continue;
      // Keyed on the line as written (kept here only, never in the evidence): the same secret in many commits is one.
      const key = `${added.path}\0${finding.kind}\0${finding.name ?? ''}\0${at.text}`;
      byPlace.set(key, { commit: added.commit, path: added.path, line: at.line, kind: finding.kind, ...(finding.name ? { name: finding.name } : {}) });
    }
  }
  return { secrets: [...byPlace.values()].slice(0, MAX_SECRETS), values: [...values], commits };
}

function* addedLines(log: string, onCommit: () => void): Generator<AddedLines> {
  let commit = '';
  let current: AddedLines | undefined;
  let next = 0;
  let previous = '';
  for (const line of log.split('\n')) {
    const header = previous.startsWith('--- ');
    previous = line;
    if (line.startsWith('\0')) {
      if (current) yield current;
      current = undefined;
      commit = line.slice(1).trim();
      onCommit();
    } else if (line.startsWith('diff --git ')) {
      if (current) yield current;
      current = undefined;
    } else if (header && line.startsWith('+++ ')) {
      const path = line.slice(4);
      current = path === '/dev/null' ? undefined : { commit, path: unquote(path).replace(/^b\//, ''), lines: [] };
    } else if (line.startsWith('@@')) {
      next = Number(/\+(\d+)/.exec(line)?.[1] ?? 0);
    } else if (current && line.startsWith('+')) {
      current.lines.push({ line: next, text: line.slice(1) });
      next += 1;
    }
  }
  if (current) yield current;
}

/** git quotes paths with unusual characters (`"b/caf\303\251.env"`); quotePath=false leaves UTF-8 as is. */
function unquote(path: string): string {
  return path.startsWith('"') && path.endsWith('"') ? path.slice(1, -1).replace(/\\(["\\])/g, '$1') : path;
}
