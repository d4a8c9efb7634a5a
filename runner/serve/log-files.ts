import { readFileInside } from '../safe-read/read-inside.js';
import { walkInside } from '../safe-read/walk-inside.js';
import type { HttpEvidence } from './http-evidence.js';

const SKIPPED_DIRS = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv', 'site-packages']);
const SAMPLE_BYTES = 2048;

/**
 * Files the app wrote while it was up that look like logs (`*.log`, `*.jsonl`, anything under `logs/`):
 * regular files only, links never followed, at most 20 files and a 2 KiB sample each.
 */
export function logFilesSince(workspaceDir: string, sinceMs: number): HttpEvidence['logFiles'] {
  const found: HttpEvidence['logFiles'] = [];
  walkInside(workspaceDir, (entry) => {
    if (entry.stats.isDirectory()) return !SKIPPED_DIRS.has(entry.name) && found.length < 20;
    if (!entry.stats.isFile() || entry.stats.mtimeMs < sinceMs - 1000) return false;
    if (!/\.(log|jsonl)$/i.test(entry.name) && !/(^|\/)logs?\//.test(entry.rel)) return false;
    let sample = '';
    try {
      // The sample is the file's end: the requests the runner just made are there.
      const text = readFileInside(workspaceDir, entry.rel, { maxBytes: 4 * 1024 * 1024, kind: 'textBytes' }).toString('utf8');
      sample = text.slice(-SAMPLE_BYTES);
    } catch {
      sample = '';
    }
    found.push({ path: entry.rel, bytes: entry.stats.size, sample });
    return false;
  });
  return found;
}
