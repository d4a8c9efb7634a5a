import { MsprError } from '../errors.js';
import { t } from '../i18n.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import type { PlannedStep } from '../steps/plan-steps.js';
import { plural } from '../i18n/format.js';

/** A hang guard only: importing scikit-learn takes about a second. */
const PREFLIGHT_TIMEOUT_MS = 120_000;
const checked = new Set<string>();

/**
 * Before any step: the interpreter the steps will use exists, runs, and has the data stack (pandas,
 * scikit-learn; nbconvert when a notebook is planned). Otherwise the run cannot be done — the grading
 * machine is at fault, not the team — and this throws `MSPR_INTERPRETER_UNUSABLE` (exit 2). A local
 * interpreter that passed once is not checked again in the same process (a batch checks it once).
 */
export async function preflightInterpreter(sandbox: Sandbox, steps: readonly PlannedStep[]): Promise<void> {
  const python = steps.some((step) => step.kind === 'notebook' || /^python3?$/.test(step.argv[0] ?? ''));
  if (!python) return;
  const modules = ['pandas', 'sklearn', ...(steps.some((step) => step.kind === 'notebook') ? ['nbconvert', 'nbclient'] : [])];
  const key = `${sandbox.backend}:${sandbox.python}:${modules.join(',')}`;
  if (sandbox.backend === 'local' && checked.has(key)) return;
  const probe = modules.map((name) => `try:\n import ${name}\nexcept Exception as e:\n missing.append("${name}: %s" % e)`).join('\n');
  const script = `import sys\nmissing = []\n${probe}\nprint("\\n".join(missing))\nsys.exit(3 if missing else 0)`;
  const result = await sandbox.exec([sandbox.python, '-c', script], { timeoutMs: PREFLIGHT_TIMEOUT_MS, env: {} });
  if (result.exitCode === 0) {
    checked.add(key);
    return;
  }
  const where = t('Problème de la machine de correction, pas de l’équipe.', 'A problem of the grading machine, not of the team.');
  const hint = t(
    'Donnez avec --python (ou MSPR_PYTHON) un interpréteur qui importe pandas, scikit-learn et nbconvert — par défaut /usr/bin/python3 de Debian avec python3-pandas, python3-sklearn et python3-nbconvert (scripts/ensure-system-deps.sh).',
    'Give with --python (or MSPR_PYTHON) an interpreter that imports pandas, scikit-learn and nbconvert — by default Debian’s /usr/bin/python3 with python3-pandas, python3-sklearn and python3-nbconvert (scripts/ensure-system-deps.sh).',
  );
  if (result.exitCode === 3) {
    const missing = result.stdout.text.trim().split('\n').filter(Boolean);
    const names = missing.map((line) => line.split(':')[0]).join(', ');
    throw new MsprError('MSPR_INTERPRETER_UNUSABLE', t(`L’interpréteur ${sandbox.python} n’a pas la pile de données : ${names} ${plural(missing.length, 'fr', 'manquant', 'manquants')}. ${where.fr}`, `The interpreter ${sandbox.python} lacks the data stack: ${names} missing. ${where.en}`), { hint, details: missing });
  }
  const output = `${result.stderr.text}${result.stdout.text}`.trim().split('\n').slice(-3);
  const absent = result.exitCode === 127 || /ENOENT|not found|No such file/i.test(output.join('\n'));
  throw new MsprError(
    'MSPR_INTERPRETER_UNUSABLE',
    absent
      ? t(`L’interpréteur ${sandbox.python} n’existe pas sur la machine de correction. ${where.fr}`, `The interpreter ${sandbox.python} does not exist on the grading machine. ${where.en}`)
      : t(`L’interpréteur ${sandbox.python} ne démarre pas (code ${result.exitCode ?? result.signal}). ${where.fr}`, `The interpreter ${sandbox.python} does not start (code ${result.exitCode ?? result.signal}). ${where.en}`),
    { hint, details: output },
  );
}
