import { loadCheck } from '../../checks/registry.js';
import type { Verdict } from '../../checks/verdict.js';
import type { CheckUse } from '../../scenarios/scenario.js';
import { type Localized, t } from '../i18n.js';

/** Evidence only a live run gives (the app served and exercised over HTTP): never kept, never replayed. */
const LIVE_EVIDENCE = new Set(['http']);

export interface LiveSplit {
  /** The uses judged again on the kept evidence, with their place in the scenario's list. */
  judged: Array<{ index: number; use: CheckUse }>;
  /** Verdicts settled without judging: kept from the run (same use), or `error` (a new or changed use). */
  settled: Array<{ index: number; verdict: Verdict }>;
  notes: Localized[];
}

/**
 * Splits a scenario's checks for a regrade: a check that needs a live app cannot be judged on kept evidence. If
 * the run judged it with the very same use, its verdict stands (said in a note); otherwise it is `error`,
 * naming the team to run again, never a silent carry-over of a verdict given under other options.
 */
export async function splitLiveChecks(uses: readonly CheckUse[], keptUses: readonly CheckUse[], previous: readonly Verdict[], team: string): Promise<LiveSplit> {
  const split: LiveSplit = { judged: [], settled: [], notes: [] };
  for (const [index, use] of uses.entries()) {
    const check = await loadCheck(use.use);
    const live = check?.meta.evidence.filter((kind) => LIVE_EVIDENCE.has(kind)) ?? [];
    if (live.length === 0) {
      split.judged.push({ index, use });
      continue;
    }
    const id = use.id ?? use.use;
    const sameUse = keptUses.find((kept) => (kept.id ?? kept.use) === id && JSON.stringify(kept) === JSON.stringify(use));
    const before = previous.find((verdict) => verdict.id === id);
    if (sameUse && before) {
      split.settled.push({ index, verdict: before });
      split.notes.push(t(`${id} : verdict de l’exécution gardé (il demande l’application en marche, qu’une réévaluation ne relance pas).`, `${id}: the run’s verdict is kept (it needs the running app, which a regrade does not start again).`));
    } else {
      split.settled.push({ index, verdict: needsLiveVerdict(use, check!.meta.title, check!.meta.criteria, team) });
    }
  }
  return split;
}

function needsLiveVerdict(use: CheckUse, title: Localized, criteria: string[], team: string): Verdict {
  return {
    id: use.id ?? use.use,
    checkId: use.use,
    title,
    weight: use.weight ?? 1,
    required: use.required ?? true,
    criteria: use.criteria ?? criteria,
    status: 'error',
    score: 0,
    messageKey: 'needsRun',
    message: t(
      `Non réévaluable sans relancer l’équipe : cette vérification demande l’application en marche (HTTP), et ses options ont changé depuis l’exécution (ou elle est nouvelle). Relancez : mspr-lab batch … --team ${team}.`,
      `Cannot be re-graded without running the team again: this check needs the running app (HTTP), and its options changed since the run (or it is new). Run again: mspr-lab batch … --team ${team}.`,
    ),
    evidence: [{ kind: 'http', subject: 'live app', expected: 'a run', actual: 'kept evidence only' }],
    durationMs: 0,
  };
}
