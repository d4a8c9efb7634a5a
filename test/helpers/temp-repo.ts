import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { workspaceFiles, type WorkspaceFiles } from '../../runner/evidence/workspace-files.js';

/** A throw-away folder holding the given files (text or bytes), as a candidate repository would. */
export function tempRepo(files: Record<string, string | Buffer>): WorkspaceFiles {
  const root = mkdtempSync(join(tmpdir(), 'mspr-repo-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return workspaceFiles(root);
}

/** UTF-16 LE with BOM: what `pip freeze > requirements.txt` writes in Windows PowerShell 5. */
export function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}
