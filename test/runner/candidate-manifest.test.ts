import { execFileSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCandidateManifest } from '../../runner/submission/candidate-manifest.js';

function repoWith(manifest: string | Buffer, name = 'mspr.yaml'): string {
  const root = mkdtempSync(join(tmpdir(), 'mspr-manifest-'));
  writeFileSync(join(root, name), manifest);
  return root;
}

function refusal(root: string): { code: string; en: string; fr: string; details: string[] } {
  try {
    readCandidateManifest(root);
  } catch (error) {
    const e = error as { code: string; text: { en: string; fr: string }; details: string[] };
    return { code: e.code, en: e.text.en, fr: e.text.fr, details: e.details };
  }
  throw new Error('manifest accepted');
}

const MANIFEST = 'run:\n  - src/main.py\n  - [python, -m, src.rapport]\ndatasetsDir: data\noutputs:\n  metrics: reports/metrics.json\n';

describe('mspr.yaml: paths stay inside the repository', () => {
  it('accepts relative paths inside it (a detour through .. that comes back included)', () => {
    const root = repoWith(`${MANIFEST}databases:\n  db: src/../data/entrepot.db\n`);
    expect(readCandidateManifest(root)?.manifest).toMatchObject({ run: ['src/main.py', ['python', '-m', 'src.rapport']], datasetsDir: 'data', databases: { db: 'src/../data/entrepot.db' } });
  });

  it('refuses every key that leaves it, all at once, each named, with no stack', () => {
    const root = repoWith(
      [
        'datasetsDir: ../../etc',
        'databases:',
        '  db: /etc/shadow',
        'outputs:',
        '  metrics: ../../../etc/passwd',
        'run:',
        '  - ../evil.py',
        '  - [python, /tmp/outside.py, --quiet]',
        '  - [python, scripts/ok.py, ..\\..\\win.py]',
      ].join('\n'),
    );
    const { code, en, fr, details } = refusal(root);
    expect(code).toBe('MSPR_SUBMISSION_UNREADABLE');
    expect(en).toBe('mspr.yaml names paths outside the repository.');
    expect(fr).toBe('mspr.yaml désigne des chemins hors du dépôt.');
    expect(details).toEqual([
      'mspr.yaml: datasetsDir: "../../etc" leaves the repository: give a path inside it, relative to its root',
      'mspr.yaml: databases.db: "/etc/shadow" is an absolute path: give a path relative to the repository root',
      'mspr.yaml: outputs.metrics: "../../../etc/passwd" leaves the repository: give a path inside it, relative to its root',
      'mspr.yaml: run[0]: "../evil.py" leaves the repository: give a path inside it, relative to its root',
      'mspr.yaml: run[1][1]: "/tmp/outside.py" is an absolute path: give a path relative to the repository root',
      'mspr.yaml: run[2][2]: "..\\..\\win.py" leaves the repository: give a path inside it, relative to its root',
    ]);
    expect(details.join('\n')).not.toMatch(/\bat \w|\.js:\d+/);
  });
});

describe('mspr.yaml: any encoding, bounded size', () => {
  it.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MANIFEST)])],
    ['UTF-16 LE with a BOM (PowerShell)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MANIFEST, 'utf16le')])],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(MANIFEST, 'utf16le').swap16()])],
  ])('reads %s', (_name, bytes) => {
    expect(readCandidateManifest(repoWith(bytes))?.manifest.run).toEqual(['src/main.py', ['python', '-m', 'src.rapport']]);
  });

  it('refuses a 30 MB mspr.yaml without reading it (sparse file: the size is read first)', () => {
    const root = repoWith('');
    truncateSync(join(root, 'mspr.yaml'), 30 * 1024 * 1024);
    expect(refusal(root)).toMatchObject({ code: 'MSPR_SUBMISSION_UNREADABLE', en: 'mspr.yaml refused unread: too large (30.0 MiB > 1.0 MiB).' });
  });

  it('refuses a FIFO named mspr.yaml at once instead of waiting for a writer', () => {
    const root = mkdtempSync(join(tmpdir(), 'mspr-manifest-'));
    execFileSync('mkfifo', [join(root, 'mspr.yaml')]);
    expect(refusal(root)).toMatchObject({ code: 'MSPR_SUBMISSION_UNREADABLE', en: 'mspr.yaml refused unread: not a regular file.' });
  });

  it('refuses a YAML bomb with a message', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    const { code, en } = refusal(repoWith(`${levels.join('\n')}\n`));
    expect(code).toBe('MSPR_SUBMISSION_UNREADABLE');
    expect(en).toBe('mspr.yaml is not valid YAML: Excessive alias count indicates a resource exhaustion attack');
  });
});
