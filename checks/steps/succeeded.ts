import { blockedText, blockOf, blockingFailures } from '../../runner/failure/blocked-verdict.js';
import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { failedCellLabel } from '../../runner/notebook/notebook-run.js';
import { lastCandidateFrame } from './python-traceback.js';

/** `notebooks/eda.ipynb (échec, cellule 7/12 : `df = pd.read_csv(…)` → FileNotFoundError)`: the cell that stopped it. */
function cellFailure(id: string, status: Localized, cell: { position: string; line: string; error: string }, exception: string | undefined): Localized {
  const code = cell.line ? ` \`${cell.line.length > 80 ? `${cell.line.slice(0, 79)}…` : cell.line}\`` : '';
  const error = cell.error || exception?.split(':')[0] || '';
  const arrow = error ? ` → ${error}` : '';
  return t(`${id} (${status.fr}, cellule ${cell.position} :${code}${arrow})`, `${id} (${status.en}, cell ${cell.position}:${code}${arrow})`);
}

/** How a step ended, in French words; English shows the status code itself (as the evidence does). */
const STATUS: Partial<Record<string, Localized>> = {
  failed: t('échec', 'failed'),
  timeout: t('délai dépassé', 'timeout'),
  oom: t('mémoire épuisée', 'oom'),
  error: t('erreur', 'error'),
  skipped: t('non lancée', 'skipped'),
};

export default defineCheck({
  meta: {
    id: 'steps/succeeded',
    title: { fr: 'Le pipeline s’exécute sans erreur', en: 'The pipeline runs without error' },
    criteria: ['cdp-data-ia:C2.6', 'cdp-ia-aivancity:C1.4'],
    evidence: ['step'],
    options: { properties: {} },
    messages: {
      pass: { fr: '{total|L’étape s’est terminée|Les {total} étapes se sont terminées} sans erreur.', en: '{total|The step|All {total} steps} finished without error.' },
      fail: {
        fr: '{failed} {failed|étape|étapes} sur {total} en échec : {list}. Attendu : chaque script ou notebook s’exécute jusqu’au bout. Corrigez l’erreur indiquée dans les preuves puis relancez.',
        en: '{failed} of {total} {total|step|steps} failed: {list}. Expected: every script or notebook runs to the end. Fix the error shown in the evidence and run again.',
      },
      environment: {
        fr: 'Non évaluable : {failed} {failed|étape|étapes} sur {total} {failed|arrêtée|arrêtées} pour une raison extérieure au code de l’équipe ({list}) : {reason}',
        en: 'Could not be judged: {failed} of {total} {total|step|steps} stopped for a reason outside the team’s code ({list}): {reason}',
      },
      none: {
        fr: 'Aucune étape n’a été exécutée. Ajoutez un mspr.yaml avec « run: » (voir docs/candidate-manifest.md) ou un main.py.',
        en: 'No step was run. Add an mspr.yaml with "run:" (see docs/candidate-manifest.md) or a main.py.',
      },
    },
  },
  run({ steps, workspace }) {
    if (steps.length === 0) return { status: 'fail', message: 'none' };
    const evidence: Evidence[] = [];
    const failures: Localized[] = [];
    for (const step of steps) {
      const result = step.result;
      const stderr = result?.stderr.text ?? '';
      const { location, exception } = lastCandidateFrame(stderr, [workspace.root, '/workspace']);
      const failure = step.failure;
      const cell = step.notebook && step.status !== 'ok' ? failedCellLabel(step.notebook) : undefined;
      evidence.push({
        kind: 'step',
        subject: step.id,
        location: location ?? failure?.location ?? (step.entry ? { file: step.entry } : undefined),
        expected: 'ok',
        actual: step.status,
        data: {
          exitCode: result?.exitCode ?? null,
          signal: result?.signal ?? null,
          durationMs: result?.durationMs ?? 0,
          ...(exception ? { exception } : {}),
          ...(failure ? { owner: failure.owner, cause: failure.cause } : {}),
          ...(failure?.package ? { package: failure.package } : {}),
          ...(failure?.declaredIn ? { declaredIn: failure.declaredIn } : {}),
          ...(failure?.host ? { host: failure.host } : {}),
          ...(failure?.file ? { file: failure.file } : {}),
          ...(result?.stoppedFor ? { stoppedFor: result.stoppedFor } : {}),
          ...(step.error ? { error: step.error.message.en } : {}),
          ...(step.notebook ? { cells: step.notebook.cells, executedCells: step.notebook.executed, ...(cell ? { failedCell: cell.position } : {}) } : {}),
          ...(result?.stdout.truncated || result?.stderr.truncated ? { outputTruncated: true } : {}),
        },
        ...(failure && failure.owner !== 'candidate' ? { note: failure.message } : {}),
      });
      const status = STATUS[step.status] ?? t(step.status, step.status);
      // Only the team's own failures fail this check; the environment's make it "could not be judged".
      if (step.status !== 'ok' && !step.optional && failure?.owner !== 'environment' && failure?.owner !== 'grader') {
        failures.push(cell ? cellFailure(step.id, status, cell, exception) : t(`${step.id} (${status.fr}${exception ? ` : ${exception}` : ''})`, `${step.id} (${status.en}${exception ? `: ${exception}` : ''})`));
      }
    }
    const okCount = steps.filter((step) => step.status === 'ok').length;
    if (failures.length > 0) return { status: 'fail', score: okCount / steps.length, message: 'fail', params: { total: steps.length, failed: failures.length, list: joinLocalized(failures, '; ') }, evidence };
    const blocked = blockingFailures(steps.filter((step) => !step.optional));
    if (blocked.length > 0) {
      // The reason is a sentence: a Localized pair, each language's message takes its own side.
      const params = { total: steps.length, failed: blocked.length, list: blocked.map(({ step }) => step).join('; '), reason: blockedText(blocked) };
      return { status: 'error', score: 0, message: 'environment', params, evidence, blockedBy: blockOf(blocked) };
    }
    return { status: 'pass', message: 'pass', params: { total: steps.length }, evidence };
  },
});
