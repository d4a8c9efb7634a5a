import { lstatSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOut } from '../../runner/sandbox/docker/copy-out.js';
import type { DockerClient } from '../../runner/sandbox/docker/docker-client.js';
import { handOverNewFolders, prepareWritableFolders, SANDBOX_GID, SANDBOX_UID } from '../../runner/sandbox/docker/sandbox-user.js';
import { makeDatasetsRemovable } from '../../runner/submission/place-datasets.js';
import { removeTree } from '../../runner/workdir/remove-tree.js';

const asRoot = process.getuid?.() === 0;
const user = { uid: SANDBOX_UID, gid: SANDBOX_GID, chownHostFolders: true };

/** A root-owned folder outside every run folder, with a file: what a planted link would point at. */
function makeVictim(): { dir: string; file: string; facts: () => unknown } {
  const dir = mkdtempSync(join(tmpdir(), 'mspr-victim-'));
  const file = join(dir, 'secret.txt');
  writeFileSync(file, 'do not touch\n', { mode: 0o600 });
  const facts = () => ({
    dir: { uid: statSync(dir).uid, gid: statSync(dir).gid, mode: statSync(dir).mode & 0o7777 },
    file: { uid: statSync(file).uid, gid: statSync(file).gid, mode: statSync(file).mode & 0o7777, content: readFileSync(file, 'utf8') },
  });
  return { dir, file, facts };
}

describe.skipIf(!asRoot)('ownership changes never follow a link (mspr-lab as root)', () => {
  it('prepareWritableFolders lchowns a planted link itself and never enters it; real folders are handed over', async () => {
    const victim = makeVictim();
    const before = victim.facts();
    const trace = mkdtempSync(join(tmpdir(), 'mspr-trace-'));
    mkdirSync(join(trace, '01-step', 'sub'), { recursive: true });
    writeFileSync(join(trace, '01-step', 'sub', 'events-1.jsonl'), '');
    symlinkSync(victim.dir, join(trace, 'evil'));
    symlinkSync('.', join(trace, '01-step', 'loop'));
    await prepareWritableFolders(user, [trace]);
    expect(victim.facts()).toEqual(before);
    expect(before).toMatchObject({ dir: { uid: 0, gid: 0, mode: 0o700 }, file: { uid: 0, mode: 0o600, content: 'do not touch\n' } });
    expect(lstatSync(join(trace, 'evil')).uid).toBe(SANDBOX_UID);
    for (const path of ['', '01-step', '01-step/sub', '01-step/sub/events-1.jsonl', '01-step/loop']) expect(lstatSync(join(trace, path)).uid, path).toBe(SANDBOX_UID);
  });

  it('between steps, only empty folders the grader made are handed over: not links, not the candidate’s folders', () => {
    const victim = makeVictim();
    const before = victim.facts();
    const trace = mkdtempSync(join(tmpdir(), 'mspr-trace-'));
    mkdirSync(join(trace, '02-new'));
    mkdirSync(join(trace, '03-full'));
    writeFileSync(join(trace, '03-full', 'x'), '');
    symlinkSync(victim.dir, join(trace, '04-evil'));
    handOverNewFolders(user, trace);
    expect(victim.facts()).toEqual(before);
    expect(statSync(join(trace, '02-new')).uid).toBe(SANDBOX_UID);
    expect(statSync(join(trace, '03-full')).uid).toBe(0);
    expect(lstatSync(join(trace, '04-evil')).uid).toBe(0);
  });

  it('makeDatasetsRemovable does not chmod through a link; removing the run folder removes the link, not its target', async () => {
    const victim = makeVictim();
    const before = victim.facts();
    const run = mkdtempSync(join(tmpdir(), 'mspr-run-'));
    mkdirSync(join(run, 'datasets'));
    writeFileSync(join(run, 'datasets', 'ventes.csv'), 'a\n1\n');
    symlinkSync(victim.dir, join(run, 'datasets', 'evil-dir'));
    symlinkSync(victim.file, join(run, 'datasets', 'evil-file'));
    mkdirSync(join(run, 'workspace'));
    symlinkSync(victim.dir, join(run, 'workspace', 'evil'));
    await makeDatasetsRemovable(join(run, 'datasets'));
    expect(victim.facts()).toEqual(before);
    expect(statSync(join(run, 'datasets', 'ventes.csv')).mode & 0o777).toBe(0o644);
    expect(removeTree(run)).toEqual([]);
    expect(victim.facts()).toEqual(before);
  });
});

describe('copy out of a bind-mounted folder never goes through a link', () => {
  const noEngine = {} as DockerClient; // bind-mounted paths are copied on the host; the engine is never called
  it('copies a real file, refuses a path through a planted link', async () => {
    const victim = makeVictim();
    const workspace = mkdtempSync(join(tmpdir(), 'mspr-ws-'));
    mkdirSync(join(workspace, 'out'));
    writeFileSync(join(workspace, 'out', 'model.txt'), 'model\n');
    symlinkSync(victim.dir, join(workspace, 'evil'));
    const mounts = [{ container: '/workspace', host: workspace }];
    const to = mkdtempSync(join(tmpdir(), 'mspr-copy-'));
    await copyOut(noEngine, undefined as never, mounts, '/workspace/out/model.txt', join(to, 'model.txt'));
    expect(readFileSync(join(to, 'model.txt'), 'utf8')).toBe('model\n');
    await expect(copyOut(noEngine, undefined as never, mounts, '/workspace/evil/secret.txt', join(to, 'secret.txt'))).rejects.toThrow(
      `Copy out of the sandbox refused: /workspace/evil/secret.txt (link (${victim.dir})).`,
    );
    expect(() => readFileSync(join(to, 'secret.txt'))).toThrow(/ENOENT/);
  });
});
