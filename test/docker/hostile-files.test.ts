import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../runner/paths.js';
import { CONTROL_VERDICTS, HOSTILE_CASES } from '../helpers/hostile-cases.js';
import { allReports, HOSTILE_SCENARIO, hostileRepo, makeHostVictims, mkdtempSync, peakRssProbe, removeHostileFolders } from '../helpers/hostile-repo.js';
import { engineRequiredTest, probeEngine } from './helpers.js';
import { RunTracker } from './leftovers.js';
import { runCliAsync } from './run-cli-async.js';

const engine = await probeEngine();
engineRequiredTest(engine);
const runs = new RunTracker();
const shadow = (() => {
  try {
    return readFileSync('/etc/shadow', 'utf8').split('\n').filter((line) => line.includes(':'));
  } catch {
    return [];
  }
})();
const GiB_KB = 1024 * 1024;

/** A root-owned folder in /tmp with a file and a sub-folder: what the planted link aims at. */
function makeVictim() {
  const dir = mkdtempSync('/tmp/victim-');
  mkdirSync(join(dir, 'keys'), { mode: 0o700 });
  writeFileSync(join(dir, 'keys', 'id_ed25519'), 'PRIVATE KEY\n', { mode: 0o600 });
  writeFileSync(join(dir, 'notes.txt'), 'root only\n', { mode: 0o640 });
  const facts = () =>
    ['', 'keys', 'keys/id_ed25519', 'notes.txt'].map((path) => {
      const info = statSync(join(dir, path));
      return { path, uid: info.uid, gid: info.gid, mode: info.mode & 0o7777, content: info.isFile() ? readFileSync(join(dir, path), 'utf8') : null };
    });
  return { dir, facts };
}

/**
 * Issue 9, classes 1 and 2, in the sandbox that isolates: the real CLI with `--sandbox docker`, run as root
 * (CI, exam servers), so the candidate is uid 10001 and the grader chowns the folders it hands over.
 */
describe.skipIf(!engine.ok)('hostile files planted at run time (real CLI, docker sandbox)', () => {
  afterAll(async () => {
    removeHostileFolders();
    await runs.expectNoLeftovers(engine.client);
  });

  it('a link planted beside the trace folder in step 1 never makes step 2’s preparation chown its target', async () => {
    const victim = makeVictim();
    const before = victim.facts();
    const repo = hostileRepo('', {
      'plant.py': `import os\nos.symlink(${JSON.stringify(victim.dir)}, os.path.join(os.path.dirname(os.environ["MSPR_TRACE_DIR"]), "evil"))\nprint("planted")\n`,
    });
    const run = await runCliAsync(['check', repo, '--scenario', packagePath('test/fixtures/scenarios/hostile-two-steps.yaml'), '--sandbox', 'docker']);
    expect(run.report, run.stderr.slice(-2000)).toBeDefined();
    runs.track({ runId: run.report!.runId });
    expect(run.report!.sandbox).toMatchObject({ backend: 'docker', isolated: true });
    expect(run.report!.steps.map((s) => [s.id, s.status])).toEqual([['plant', 'ok'], ['after', 'ok'], ['third', 'ok']]);
    expect(run.report!.steps[0]!.stdoutTail).toContain('planted');
    expect(victim.facts()).toEqual(before);
    expect(before[0]).toMatchObject({ uid: 0, gid: 0, mode: 0o700 });
  });

  it('control: the project without hostile lines passes every check', async () => {
    const run = await runCliAsync(['check', hostileRepo(''), '--scenario', HOSTILE_SCENARIO, '--sandbox', 'docker']);
    expect(run.report, run.stderr.slice(-2000)).toBeDefined();
    runs.track({ runId: run.report!.runId });
    expect(Object.fromEntries(run.report!.verdicts.map((v) => [v.id, v.status]))).toEqual(CONTROL_VERDICTS);
  });

  for (const hostile of HOSTILE_CASES) {
    it(`${hostile.name}: an error verdict naming the file, a complete report, the host untouched`, async () => {
      const victims = makeHostVictims();
      const before = victims.facts();
      const rss = peakRssProbe();
      const run = await runCliAsync(['check', hostileRepo(hostile.act(victims), hostile.files), '--scenario', HOSTILE_SCENARIO, '--sandbox', 'docker', '--format', 'json,md,html,junit'], hostile.boundMemory ? rss.env : {});
      expect(run.report, `no report (exit ${run.exitCode}): ${run.stderr.slice(-2000)}`).toBeDefined();
      runs.track({ runId: run.report!.runId });
      expect(run.report!.sandbox).toMatchObject({ backend: 'docker', isolated: true });
      expect(run.exitCode).toBe(1);
      const verdict = run.report!.verdicts.find((v) => v.id === hostile.verdict.id)!;
      expect(verdict.status, verdict.message.en).toBe('error');
      expect(verdict.message.en).toMatch(hostile.verdict.message);
      if (hostile.verdict.id === 'db/reachable') expect(run.report!.verdicts.find((v) => v.id === 'db/reachable')!.status).not.toBe('pass');
      const reports = allReports(run.runDir);
      expect(reports).not.toContain(victims.marker);
      for (const line of shadow) expect(reports).not.toContain(line);
      expect(victims.facts()).toEqual(before);
      if (hostile.boundMemory) {
        const peakKb = rss.readKb();
        expect(peakKb, 'the grader wrote no peak RSS: it did not exit normally').toBeDefined();
        expect(peakKb!).toBeLessThan(GiB_KB);
      }
    });
  }
});
