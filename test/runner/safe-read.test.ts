import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceFiles } from '../../runner/evidence/workspace-files.js';
import { FileRefusedError } from '../../runner/safe-read/file-refused.js';
import { DEFAULT_READ_LIMITS, readLimitsFromEnv } from '../../runner/safe-read/read-limits.js';
import { walkInside } from '../../runner/safe-read/walk-inside.js';

/** The refusal a read throws, as `[reason, english text]`, or `'read'` when it was not refused. */
function refusalOf(read: () => unknown): [string, string] | 'read' {
  try {
    read();
    return 'read';
  } catch (error) {
    if (error instanceof FileRefusedError) return [error.reason, error.text.en];
    throw error;
  }
}

describe('the safe reader: candidate files read without following links out, special files unopened, sizes capped', () => {
  const host = mkdtempSync(join(tmpdir(), 'mspr-host-'));
  const secret = join(host, 'secret.txt');
  const root = mkdtempSync(join(tmpdir(), 'mspr-safe-'));
  const server = createServer();

  beforeAll(async () => {
    writeFileSync(secret, 'HOST-SECRET-7f3a\n', { mode: 0o600 });
    mkdirSync(join(host, 'dir'));
    writeFileSync(join(host, 'dir', 'inner.txt'), 'HOST-SECRET-7f3a\n');
    mkdirSync(join(root, 'src'));
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'README.md'), '# Projet\nLancer : python src/main.py\n');
    writeFileSync(join(root, 'src', 'main.py'), 'print("ok")\n');
    writeFileSync(join(root, 'data', 'ventes.csv'), 'a;b\n1;2\n');
    symlinkSync('../data/ventes.csv', join(root, 'src', 'ventes.csv')); // inside: followed
    symlinkSync(secret, join(root, 'requirements.txt')); // absolute: outside
    symlinkSync('../../../../../../../..' + secret, join(root, 'metrics.json')); // relative, climbing out
    symlinkSync('/dev/zero', join(root, 'zero.json'));
    symlinkSync(join(host, 'dir'), join(root, 'linked-out')); // a folder outside
    symlinkSync('data', join(root, 'linked-in')); // a folder inside
    symlinkSync(join(realpathSync(root), 'data', 'ventes.csv'), join(root, 'absolute-in.csv')); // absolute, inside: followed
    symlinkSync(`${realpathSync(root)}/../${host.split('/').pop()}/secret.txt`, join(root, 'absolute-up.txt')); // absolute, then `..` out
    symlinkSync('loop-b', join(root, 'loop-a'));
    symlinkSync('loop-a', join(root, 'loop-b'));
    execFileSync('mkfifo', [join(root, 'data', 'pipe.csv')]);
    await new Promise<void>((resolve) => server.listen(join(root, 'data', 'socket.csv'), resolve));
    // 1.9 GB of apparent size, a few kB on disk.
    closeSync(openSync(join(root, 'big.md'), 'w'));
    execFileSync('truncate', ['-s', '1900000000', join(root, 'big.md')]);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads regular files and links that stay inside; refuses `..` paths', () => {
    const files = workspaceFiles(root);
    expect(files.readText('README.md')).toContain('Lancer');
    expect(files.readText('src/ventes.csv')).toBe('a;b\n1;2\n');
    expect(files.readText('linked-in/ventes.csv')).toBe('a;b\n1;2\n');
    expect(files.readText('data/../src/main.py')).toBe('print("ok")\n');
    expect(files.readText('absolute-in.csv')).toBe('a;b\n1;2\n');
    expect(refusalOf(() => files.readText('absolute-up.txt'))[0]).toBe('link-outside');
    expect(refusalOf(() => files.readText('../outside.txt'))).toEqual(['outside', 'Path refused: "../outside.txt" leads outside the repository.']);
    expect(() => files.exists('../x')).toThrow(FileRefusedError);
  });

  it('never follows a link out: absolute, relative climbing out, /dev/zero, a linked folder', () => {
    const files = workspaceFiles(root);
    expect(refusalOf(() => files.readText('requirements.txt'))).toEqual(['link-outside', `File refused: "requirements.txt" is a symbolic link leading outside the repository (to ${secret}); the grader does not follow it.`]);
    expect(refusalOf(() => files.readText('metrics.json'))[0]).toBe('link-outside');
    expect(refusalOf(() => files.readBytes('zero.json'))).toEqual(['link-outside', 'File refused: "zero.json" is a symbolic link leading outside the repository (to /dev/zero); the grader does not follow it.']);
    expect(refusalOf(() => files.readText('linked-out/inner.txt'))[0]).toBe('link-outside');
    expect(refusalOf(() => files.readText('loop-a'))).toEqual(['link-loop', 'File refused: "loop-a" goes through too many symbolic links (a loop?).']);
    // What is there, even refused, exists (so a check reads it and says why); a dangling path does not.
    expect(['requirements.txt', 'zero.json', 'data/pipe.csv', 'linked-out'].map((p) => files.exists(p))).toEqual([true, true, true, true]);
    expect(files.exists('nothing.txt')).toBe(false);
    expect(workspaceFiles(join(root, 'no-such-folder')).exists('README.md')).toBe(false);
    expect(files.statFile('requirements.txt')).toBeUndefined();
    expect(files.statFile('src/ventes.csv')?.size).toBe(8);
  });

  it('refuses FIFOs and sockets from their lstat, without opening them (a FIFO open would block)', () => {
    const files = workspaceFiles(root);
    expect(refusalOf(() => files.readText('data/pipe.csv'))).toEqual(['special', 'File refused: "data/pipe.csv" is a named pipe (FIFO), not a regular file; the grader does not open it.']);
    expect(refusalOf(() => files.readText('data/socket.csv'))).toEqual(['special', 'File refused: "data/socket.csv" is a socket, not a regular file; the grader does not open it.']);
    expect(refusalOf(() => files.readText('data'))).toEqual(['folder', 'File refused: "data" is a folder where a file was expected.']);
  });

  it('caps by apparent size before reading: a sparse 1.9 GB file is refused, naming the cap and the setting', () => {
    const files = workspaceFiles(root);
    const refusal = refusalOf(() => files.readText('big.md'));
    expect(refusal).toEqual(['too-large', 'File refused: "big.md" is 1812.0 MiB (apparent size), over the 64.0 MiB limit for text files (README, dependencies, JSON, code, notebooks); it is not read.']);
    const small = workspaceFiles(root, { ...DEFAULT_READ_LIMITS, textBytes: 10 });
    expect(refusalOf(() => small.readText('README.md'))[0]).toBe('too-large');
    expect(small.readText('src/main.py', 64)).toBe('print("ok")\n');
  });

  it('lists regular files only: never enters a linked folder, lists a link only when it ends on a regular file inside', () => {
    expect(workspaceFiles(root).list()).toEqual(['README.md', 'absolute-in.csv', 'big.md', 'data/ventes.csv', 'src/main.py', 'src/ventes.csv']);
  });

  it('the walk visits a link once and never descends into it, even in a loop', () => {
    const seen: string[] = [];
    walkInside(root, ({ rel, stats }) => {
      seen.push(rel);
      return stats.isDirectory();
    });
    expect(seen).toContain('linked-out');
    expect(seen.filter((rel) => rel.startsWith('linked-out/') || rel.startsWith('linked-in/'))).toEqual([]);
  });

  it('copies a file to a new grader-owned path, refusing to overwrite one', () => {
    const files = workspaceFiles(root);
    const scratch = mkdtempSync(join(tmpdir(), 'mspr-scratch-'));
    files.copyTo('src/ventes.csv', join(scratch, 'copy.csv'), 1024, 'dataBytes');
    expect(readFileSync(join(scratch, 'copy.csv'), 'utf8')).toBe('a;b\n1;2\n');
    expect(statSync(join(scratch, 'copy.csv')).mode & 0o777).toBe(0o600);
    expect(() => files.copyTo('README.md', join(scratch, 'copy.csv'), 1024, 'dataBytes')).toThrow(/EEXIST/);
    expect(refusalOf(() => files.copyTo('requirements.txt', join(scratch, 'secret.txt'), 1024, 'dataBytes'))[0]).toBe('link-outside');
    expect(refusalOf(() => files.copyTo('big.md', join(scratch, 'big.md'), 1024, 'databaseBytes'))[0]).toBe('too-large');
  });

  it('caps are settings (MiB), with defaults', () => {
    expect(DEFAULT_READ_LIMITS).toEqual({ textBytes: 64 * 2 ** 20, dataBytes: 512 * 2 ** 20, databaseBytes: 2048 * 2 ** 20, traceBytes: 256 * 2 ** 20, imageBytes: 16 * 2 ** 20 });
    expect(readLimitsFromEnv({ MSPR_MAX_TEXT_MB: '1', MSPR_MAX_DATA_MB: 'lots', MSPR_MAX_TRACE_MB: '-3' })).toEqual({ ...DEFAULT_READ_LIMITS, textBytes: 2 ** 20 });
  });
});
