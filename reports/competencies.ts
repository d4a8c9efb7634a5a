import type { Verdict } from '../checks/verdict.js';
import { type Localized, t } from '../runner/i18n.js';
import type { ManualReportItem } from './report.js';
import { verdictPoints } from './score-rules.js';
import { countOf } from '../runner/i18n/format.js';

/**
 * How a jury reads one criterion of the framework: `acquis` (every required check of it passed on observed
 * evidence), `non-acquis` (a required check failed), `a-verifier` (something is left for a person to look at:
 * an error, a skip, a warning, a verdict resting on code read without running it, a jury item, no required check).
 */
export type CompetencyStatus = 'acquis' | 'non-acquis' | 'a-verifier';

/** One criterion code of the scenario's framework (e.g. `cdp-data-ia:C1.9`) and what stands behind its status. */
export interface Competency {
  /** `framework:code`, as the scenario and the checks write it. */
  ref: string;
  /** The code alone (`C1.9`), for column headers. */
  code: string;
  status: CompetencyStatus;
  /** Ids of the verdicts that cover it, required or not, in report order. */
  checks: string[];
  /** Indexes into the report's `manual` list. */
  manual: number[];
  /** Points of its required checks under the scenario's scoring, and their weights' sum. */
  score: number;
  maxScore: number;
  /** Why it is not `acquis`, one line each (empty when it is). */
  reasons: Localized[];
}

/** A criterion of another framework that the scenario's checks or jury items also cover: listed, not graded. */
export interface AlsoCovered {
  ref: string;
  checks: string[];
  manual: number[];
}

/** The competency roll-up of one run (report.json's `competencies`). */
export interface CompetencyRollup {
  framework: string;
  items: Competency[];
  alsoCovers: AlsoCovered[];
}

interface Gathered {
  checks: Verdict[];
  manual: number[];
}

/**
 * Groups verdicts and jury items by criterion. A ref without a framework prefix is read as the scenario's
 * framework. Codes sort as a reader expects (C1.9 before C1.10).
 */
export function rollUpCompetencies(framework: string, verdicts: readonly Verdict[], manual: readonly ManualReportItem[], partial: boolean): CompetencyRollup {
  const own = new Map<string, Gathered>();
  const other = new Map<string, Gathered>();
  const slot = (ref: string): Gathered => {
    const full = ref.includes(':') ? ref : `${framework}:${ref}`;
    const map = full.startsWith(`${framework}:`) ? own : other;
    let entry = map.get(full);
    if (!entry) map.set(full, (entry = { checks: [], manual: [] }));
    return entry;
  };
  for (const verdict of verdicts) for (const ref of new Set(verdict.criteria)) slot(ref).checks.push(verdict);
  manual.forEach((item, index) => {
    for (const ref of new Set(item.criteria)) slot(ref).manual.push(index);
  });
  const byCode = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return {
    framework,
    items: [...own.keys()].sort(byCode).map((ref) => judge(ref, own.get(ref)!, partial)),
    alsoCovers: [...other.keys()].sort(byCode).map((ref) => ({ ref, checks: other.get(ref)!.checks.map((v) => v.id), manual: other.get(ref)!.manual })),
  };
}

function judge(ref: string, { checks, manual }: Gathered, partial: boolean): Competency {
  const required = checks.filter((v) => v.required);
  const failed = required.filter((v) => v.status === 'fail');
  const reasons: Localized[] = failed.map((v) => t(`${v.id} : échec`, `${v.id}: failed`));
  for (const v of required) {
    if (v.status === 'error') reasons.push(t(`${v.id} : non évaluée (erreur)`, `${v.id}: not judged (error)`));
    else if (v.status === 'skip') reasons.push(t(`${v.id} : non évaluée (sautée)`, `${v.id}: not judged (skipped)`));
    else if (v.status === 'warn') reasons.push(t(`${v.id} : avertissement à examiner`, `${v.id}: a warning to look at`));
    else if (v.status === 'pass' && restsOnCodeOnly(v)) reasons.push(t(`${v.id} : réussie sur la seule lecture du code, sans exécution observée`, `${v.id}: passed on reading the code alone, with nothing observed running`));
  }
  if (manual.length > 0) reasons.push(t(`${countOf(manual.length, 'fr', 'point', 'points')} de la grille du jury à évaluer`, `${countOf(manual.length, 'en', 'jury grid item', 'jury grid items')} to assess`));
  if (required.length === 0 && manual.length === 0) reasons.push(t('aucune vérification obligatoire : à juger par le jury', 'no required check: for the jury to judge'));
  const status: CompetencyStatus = failed.length > 0 ? 'non-acquis' : reasons.length > 0 ? 'a-verifier' : 'acquis';
  const score = required.reduce((sum, v) => sum + verdictPoints(v, partial), 0);
  const maxScore = required.reduce((sum, v) => sum + v.weight, 0);
  return { ref, code: ref.slice(ref.indexOf(':') + 1), status, checks: checks.map((v) => v.id), manual, score: Math.round(score * 1000) / 1000, maxScore, reasons };
}

/**
 * A verdict resting only on `static` evidence (the code read, nothing observed running) cannot make a
 * competency acquired on its own: the jury confirms it.
 */
export function restsOnCodeOnly(verdict: Verdict): boolean {
  return verdict.evidence.length > 0 && verdict.evidence.every((item) => item.kind === 'static');
}

/** The status as a jury reads it, in each language. */
export const COMPETENCY_WORDS: Record<'fr' | 'en', Record<CompetencyStatus, string>> = {
  fr: { acquis: 'acquis', 'non-acquis': 'non acquis', 'a-verifier': 'à vérifier' },
  en: { acquis: 'achieved', 'non-acquis': 'not achieved', 'a-verifier': 'to be checked' },
};
