import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { CONTROL_VERDICTS, HOSTILE_CASES } from '../helpers/hostile-cases.js';
import { allReports, HOSTILE_SCENARIO, hostileRepo, makeHostVictims, mkdtempSync, peakRssProbe, removeHostileFolders } from '../helpers/hostile-repo.js';

/** The host's /etc/shadow lines, when this test can read them (root): none may reach a report. */
const shadow = (() => {
  try {
    return readFileSync('/etc/shadow', 'utf8').split('\n').filter((line) => line.includes(':'));
  } catch {
    return [];
  }
})();
const verdictsOf = (report: { verdicts: Array<{ id: string; status: string }> }) => Object.fromEntries(report.verdicts.map((v) => [v.id, v.status]));
const GiB_KB = 1024 * 1024;

/**
 * Issue 9, classes 1 and 2, with the local sandbox: the candidate's code plants links and special files after
 * the copy, and the grader (the real CLI) meets them only when it reads the outputs. The local sandbox
 * isolates nothing (the code itself could read the host); what is tested is that the *grader* never follows
 * or opens what was planted. The docker suite runs the same cases in the sandbox that does isolate.
 */
describe('hostile files planted at run time (real CLI, local sandbox)', () => {
  afterAll(removeHostileFolders);

  it('control: the same project without the hostile lines passes every check', () => {
    const run = runCli(['check', hostileRepo(''), '--scenario', HOSTILE_SCENARIO, '--sandbox', 'local']);
    expect(run.report, run.stderr).toBeDefined();
    expect(verdictsOf(run.report!)).toEqual(CONTROL_VERDICTS);
    expect(run.exitCode).toBe(0);
  });

  for (const hostile of HOSTILE_CASES) {
    it(`${hostile.name}: an error verdict naming the file, a complete report, the host untouched`, () => {
      const victims = makeHostVictims();
      const before = victims.facts();
      const workRoot = mkdtempSync(join(tmpdir(), 'mspr-work-'));
      const rss = peakRssProbe();
      const run = runCli(['check', hostileRepo(hostile.act(victims), hostile.files), '--scenario', HOSTILE_SCENARIO, '--sandbox', 'local', '--format', 'json,md,html,junit'], {
        MSPR_WORK_DIR: workRoot,
        ...(hostile.boundMemory ? rss.env : {}),
      });
      expect(run.report, `no report (exit ${run.exitCode}): ${run.stderr.slice(-2000)}`).toBeDefined();
      expect(run.exitCode).toBe(1);
      const verdict = run.report!.verdicts.find((v) => v.id === hostile.verdict.id)!;
      expect(verdict.status, verdict.message.en).toBe('error');
      expect(verdict.message.en).toMatch(hostile.verdict.message);
      expect(verdict.message.fr).toMatch(/Fichier refusé|Trace d'exécution inutilisable/);
      expect(run.report!.verdicts.map((v) => v.status)).not.toContain(undefined);
      // Nothing of the host's files reached any report, and the host files are as they were.
      const reports = allReports(run.runDir);
      expect(reports).toContain(hostile.verdict.id);
      expect(reports).not.toContain(victims.marker);
      for (const line of shadow) expect(reports).not.toContain(line);
      expect(victims.facts()).toEqual(before);
      expect(existsSync(workRoot) ? readdirSync(workRoot) : []).toEqual([]);
      if (hostile.boundMemory) {
        const peakKb = rss.readKb();
        expect(peakKb, 'the grader wrote no peak RSS: it did not exit normally').toBeDefined();
        expect(peakKb!).toBeLessThan(GiB_KB);
      }
    });
  }
});
