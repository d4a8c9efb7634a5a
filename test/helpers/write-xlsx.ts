import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { resolvePython } from '../../runner/settings.js';

/**
 * Writes a real .xlsx with openpyxl (Debian's python3-openpyxl), as a candidate's Excel would be. Cells
 * written `date:2025-01-31` become date cells; everything else is kept as given.
 */
export function writeXlsx(path: string, rows: unknown[][]): void {
  const script = `
import json, sys, datetime, openpyxl
rows = json.loads(sys.stdin.read())
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "carnet"
for row in rows:
    ws.append([datetime.datetime.fromisoformat(c[5:]) if isinstance(c, str) and c.startswith("date:") else c for c in row])
wb.save(sys.argv[1])
`;
  mkdirSync(dirname(path), { recursive: true });
  execFileSync(resolvePython(), ['-c', script, path], { input: JSON.stringify(rows) });
}
