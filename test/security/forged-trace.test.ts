import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineRequiredTest, probeEngine } from '../docker/helpers.js';
import { fixture, runCli } from '../helpers/run-cli.js';

const engine = await probeEngine();
engineRequiredTest(engine);

/**
 * Issue 9, defect class 4 (forged evidence): a repository with no ML code copies the trace of a passing
 * submission into its trace folder. Before trace lines were sealed, this scored 19/20.
 */
describe.each([
  ['local', true],
  ['docker', engine.ok],
] as const)('forged trace events (real CLI, real Python, %s sandbox)', (backend, available) => {
  it.skipIf(!available)('a trace copied from a passing run counts for nothing, and the report names the tampering', () => {
    // A real passing run, kept so its trace files can be stolen.
    const workDir = mkdtempSync(join(tmpdir(), 'mspr-forge-work-'));
    const honest = runCli(['check', fixture('ml', 'reg-split-70-30'), '--scenario', 'cdp-data-ia-bloc3-regression', '--sandbox', 'local', '--format', 'json', '--keep-workspace', '--work-dir', workDir]);
    expect(honest.exitCode, honest.stderr).toBe(0);
    const [runFolder] = readdirSync(workDir);
    const traceRoot = join(workDir, runFolder!, 'trace');
    const [stepFolder] = readdirSync(traceRoot);
    const stolen = readdirSync(join(traceRoot, stepFolder!)).filter((name) => name.endsWith('.jsonl'));
    const stolenLines = stolen.reduce((n, name) => n + readFileSync(join(traceRoot, stepFolder!, name), 'utf8').trimEnd().split('\n').length, 0);
    expect(stolenLines).toBeGreaterThan(20);

    const repo = mkdtempSync(join(tmpdir(), 'mspr-forger-'));
    cpSync(fixture('ml', 'reg-split-70-30', 'mspr.yaml'), join(repo, 'mspr.yaml'));
    cpSync(fixture('ml', 'reg-split-70-30', 'README.md'), join(repo, 'README.md'));
    mkdirSync(join(repo, 'traces'));
    for (const name of stolen) cpSync(join(traceRoot, stepFolder!, name), join(repo, 'traces', name));
    // The same events once more with their seals stripped, as if written by hand.
    const unsealed = readFileSync(join(traceRoot, stepFolder!, stolen[0]!), 'utf8').replace(/,"mac":"[0-9a-f]{64}"\}$/gm, '}');
    writeFileSync(join(repo, 'traces', 'events-999999.jsonl'), unsealed);
    mkdirSync(join(repo, 'src'));
    writeFileSync(
      join(repo, 'src', 'regression.py'),
      [
        '"""Entraînement du modèle de prix des logements."""',
        'import glob',
        'import os',
        'import shutil',
        '',
        'ici = os.path.dirname(os.path.abspath(__file__))',
        'for chemin in glob.glob(os.path.join(ici, "..", "traces", "*.jsonl")):',
        '    shutil.copy(chemin, os.environ["MSPR_TRACE_DIR"])',
        'print("RMSE test : 26072.4")',
        '',
      ].join('\n'),
    );

    const forged = runCli(['check', repo, '--scenario', 'cdp-data-ia-bloc3-regression', '--sandbox', backend, '--format', 'json']);
    const report = forged.report!;
    expect(report, forged.stderr).toBeDefined();
    const ml = report.verdicts.filter((v) => v.checkId.startsWith('ml/'));
    expect(ml.length).toBeGreaterThan(8);
    expect(ml.filter((v) => v.status === 'pass').map((v) => v.id)).toEqual([]);
    expect(forged.exitCode).toBe(1);
    expect(report.summary.score).toBeLessThan(report.summary.maxScore / 4);
    // Only the forger's own process is evidence: its tracer_start.
    expect(report.trace.events).toBe(1);
    const unsealedLines = unsealed.trimEnd().split('\n').length;
    expect(report.trace.rejectedLines).toBe(stolenLines + unsealedLines);
    expect(report.trace.problems).toContainEqual(expect.stringMatching(/events-\d+\.jsonl:1: rejected: MAC does not match: edited, or copied from another run or step$/));
    expect(report.trace.problems).toContainEqual(expect.stringMatching(/events-999999\.jsonl:1: rejected: no MAC: not written by the tracer of this step$/));
    expect(report.assumptions).toContainEqual({
      fr: expect.stringMatching(new RegExp(`^Trace altérée : ${stolenLines + unsealedLines} lignes d’événements rejetées,`)),
      en: expect.stringMatching(new RegExp(`^Trace tampered with: ${stolenLines + unsealedLines} event lines rejected,`)),
    });
  });
});
