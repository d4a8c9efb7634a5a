import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';

const FOUNDATION = fixture('scenarios/foundation-bloc1.yaml');

describe('a wrong --python is the grading machine’s fault: exit 2 before any step', () => {
  it('an interpreter that does not exist', () => {
    const run = runCli(['check', fixture('foundation/etl-pass'), '--scenario', FOUNDATION, '--sandbox', 'local', '--python', '/opt/nulle-part/bin/python3']);
    expect(run.exitCode, run.stdout).toBe(2);
    expect(run.report!.steps).toEqual([]);
    expect(run.report!.verdicts).toEqual([]);
    expect(run.report!.errors).toMatchObject([{ code: 'MSPR_INTERPRETER_UNUSABLE', message: { en: 'The interpreter /opt/nulle-part/bin/python3 does not exist on the grading machine. A problem of the grading machine, not of the team.' } }]);
    expect(run.stdout).toContain('MSPR_INTERPRETER_UNUSABLE: The interpreter /opt/nulle-part/bin/python3 does not exist on the grading machine.');
    expect(run.stdout).toContain('Give with --python (or MSPR_PYTHON) an interpreter that imports pandas, scikit-learn and nbconvert');
    expect(run.stdout).toContain('RUN ERROR');
  });

  it('an interpreter without the data stack (a bare venv), in French too', () => {
    const venv = join(mkdtempSync(join(tmpdir(), 'mspr-venv-')), 'venv');
    execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', venv]);
    const python = join(venv, 'bin', 'python');
    const run = runCli(['check', fixture('foundation/etl-pass'), '--scenario', FOUNDATION, '--sandbox', 'local', '--python', python, '--lang', 'fr']);
    expect(run.exitCode, run.stdout).toBe(2);
    expect(run.report!.steps).toEqual([]);
    expect(run.report!.errors[0]).toMatchObject({ code: 'MSPR_INTERPRETER_UNUSABLE', message: { fr: `L’interpréteur ${python} n’a pas la pile de données : pandas, sklearn manquants. Problème de la machine de correction, pas de l’équipe.` } });
    expect(run.stdout).toContain('EXÉCUTION IMPOSSIBLE');
  });

  it('Debian’s interpreter passes the preflight (the same run grades normally)', () => {
    const run = runCli(['check', fixture('foundation/etl-pass'), '--scenario', FOUNDATION, '--sandbox', 'local', '--python', '/usr/bin/python3']);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.report!.errors).toEqual([]);
  });
});
