import { type Localized, t } from '../runner/i18n.js';
import type { CheckUse } from '../scenarios/scenario.js';
import { loadCheck } from './registry.js';
import type { Verdict } from './verdict.js';

/** How long the grader gives its own checks (settings: MSPR_CHECK_TIMEOUT_SEC, MSPR_CHECKS_TIMEOUT_SEC). */
export interface CheckDeadlines {
  /** One check, from its start (default 60 s). */
  perCheckMs: number;
  /** Every check of the run together (default 10 min). */
  phaseMs: number;
}

export const DEFAULT_CHECK_DEADLINES: CheckDeadlines = { perCheckMs: 60_000, phaseMs: 600_000 };

type Expiry = 'check' | 'phase' | 'not-started';

/**
 * Runs the scenario's checks (`runOne`: checks/run-check.ts) one after the other, each within its deadline and all within the phase's, so a
 * check that never settles (a database that stops answering, a candidate file that would block) costs an
 * `error` verdict saying so, and the run still writes its report. A deadline cannot interrupt synchronous
 * work: that is why every read of a candidate's file is bounded (runner/safe-read). A check that expires
 * is abandoned, not killed; whatever it still holds is released when the run closes its databases.
 */
export async function runChecksWithin(
  uses: readonly CheckUse[],
  deadlines: CheckDeadlines,
  runOne: (use: CheckUse) => Promise<Verdict>,
  onVerdict: (verdict: Verdict) => void = () => {},
): Promise<Verdict[]> {
  const phaseEnd = Date.now() + deadlines.phaseMs;
  const verdicts: Verdict[] = [];
  for (const use of uses) {
    const left = phaseEnd - Date.now();
    const verdict =
      left <= 0
        ? await expired(use, 'not-started', deadlines, 0)
        : await within(runOne(use), Math.min(deadlines.perCheckMs, left), (ms) => expired(use, deadlines.perCheckMs <= left ? 'check' : 'phase', deadlines, ms));
    onVerdict(verdict);
    verdicts.push(verdict);
  }
  return verdicts;
}

async function within(pending: Promise<Verdict>, ms: number, onExpiry: (ms: number) => Promise<Verdict>): Promise<Verdict> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), ms)));
  try {
    const first = await Promise.race([pending, expiry]);
    return first === 'expired' ? onExpiry(ms) : first;
  } finally {
    clearTimeout(timer);
  }
}

async function expired(use: CheckUse, why: Expiry, deadlines: CheckDeadlines, durationMs: number): Promise<Verdict> {
  const check = await loadCheck(use.use).catch(() => undefined);
  const limitSec = Math.round((why === 'check' ? deadlines.perCheckMs : deadlines.phaseMs) / 1000);
  const { message, hint } = MESSAGES[why](limitSec);
  return {
    id: use.id ?? use.use,
    checkId: use.use,
    title: check?.meta.title ?? { fr: use.use, en: use.use },
    status: 'error',
    score: 0,
    weight: use.weight ?? 1,
    required: use.required ?? true,
    message: { fr: `${message.fr} ${hint.fr}`, en: `${message.en} ${hint.en}` },
    messageKey: 'timeout',
    evidence: [{ kind: 'step', subject: 'MSPR_CHECK_TIMEOUT', data: { limit: why === 'check' ? 'per check' : 'check phase', limitSec } }],
    criteria: use.criteria ?? check?.meta.criteria ?? [],
    durationMs,
  };
}

const MESSAGES: Record<Expiry, (sec: number) => { message: Localized; hint: Localized }> = {
  check: (sec) => ({
    message: t(`La vérification n’a pas abouti dans le temps imparti (${sec} s) : elle est arrêtée sans verdict.`, `The check did not finish within its time limit (${sec} s): it was stopped without a verdict.`),
    hint: t(
      'Une vérification aussi lente signale en général une source, une base ou une trace énorme : vérifiez leur taille, ou relevez la limite (MSPR_CHECK_TIMEOUT_SEC).',
      'A check this slow usually means a huge source, database or trace: check their sizes, or raise the limit (MSPR_CHECK_TIMEOUT_SEC).',
    ),
  }),
  phase: (sec) => ({
    message: t(`La vérification n’a pas abouti : l’ensemble des vérifications a dépassé sa limite de ${sec} s.`, `The check did not finish: the checks together went past their ${sec} s limit.`),
    hint: t('Relevez la limite (MSPR_CHECKS_TIMEOUT_SEC) si les données de ce scénario sont vraiment si lourdes.', 'Raise the limit (MSPR_CHECKS_TIMEOUT_SEC) if this scenario’s data really is that heavy.'),
  }),
  'not-started': (sec) => ({
    message: t(`Vérification non lancée : l’ensemble des vérifications a dépassé sa limite de ${sec} s.`, `Check not run: the checks together went past their ${sec} s limit.`),
    hint: t('Relevez la limite (MSPR_CHECKS_TIMEOUT_SEC) si les données de ce scénario sont vraiment si lourdes.', 'Raise the limit (MSPR_CHECKS_TIMEOUT_SEC) if this scenario’s data really is that heavy.'),
  }),
};
