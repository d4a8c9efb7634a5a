import { stringify } from 'csv-stringify/sync';
import { join } from 'node:path';
import { terminalLine } from '../../reports/safe-text.js';
import type { CsvDialect } from '../batch/gradebook.js';
import { type Lang, type Localized, pick } from '../i18n.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { asOutputError } from '../output/prepare-output.js';
import type { VerdictChange } from './verdict-changes.js';
import { countOf, plural } from '../i18n/format.js';

const HEADER = {
  fr: ['équipe', 'vérification', 'statut avant', 'statut après', 'points avant', 'points après', 'score avant', 'score après', 'remarque'],
  en: ['team', 'check', 'status before', 'status after', 'points before', 'points after', 'score before', 'score after', 'note'],
};

/** What a regrade did to one team: judged again (with its changes), left as it was and why, or never graded. */
export interface TeamRegradeOutcome {
  team: string;
  outcome: 'regraded' | 'not-regraded' | 'not-graded';
  statusBefore: string | null;
  statusAfter: string | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  maxScoreBefore: number | null;
  maxScoreAfter: number | null;
  changes: VerdictChange[];
  /** What the regrade could only keep or not see (a live check's verdict kept, files not kept). */
  notes: Localized[];
  why?: Localized;
}

/**
 * `regrade.json` (every team's outcome, for scripts) and `regrade.csv` (one line per changed verdict, and one
 * per team not re-graded, in the gradebook's dialect): what changed stays written beside the gradebook.
 */
export function writeRegradeOutputs(outcomes: TeamRegradeOutcome[], context: { outDir: string; before: string; after: string; dialect: CsvDialect; lang: Lang }): string[] {
  const json = { regradedAt: new Date().toISOString(), scenario: { before: context.before, after: context.after }, teams: outcomes };
  const rows: Array<Array<string | number | null>> = [HEADER[context.lang]];
  for (const o of outcomes) {
    const scores = [fraction(o.scoreBefore, o.maxScoreBefore), fraction(o.scoreAfter, o.maxScoreAfter)];
    for (const c of o.changes) rows.push([o.team, c.check, c.before?.status ?? null, c.after?.status ?? null, c.before ? `${c.before.points}/${c.before.weight}` : null, c.after ? `${c.after.points}/${c.after.weight}` : null, ...scores, null]);
    if (o.why) rows.push([o.team, null, o.statusBefore, o.statusAfter, null, null, ...scores, pick(o.why, context.lang)]);
  }
  const excel = context.dialect === 'excel-fr';
  const csv = stringify(rows, { delimiter: excel ? ';' : ',', record_delimiter: excel ? 'windows' : 'unix' });
  const files: Array<[string, string]> = [
    ['regrade.json', `${JSON.stringify(json, null, 2)}\n`],
    ['regrade.csv', excel ? `\ufeff${csv}` : csv],
  ];
  try {
    for (const [name, content] of files) writeFileAtomic(join(context.outDir, name), content);
  } catch (error) {
    throw asOutputError(error, context.outDir, '--out');
  }
  return files.map(([name]) => join(context.outDir, name));
}

/** The list printed at the end: each changed verdict, each team not re-graded and why, then a count. */
export function changesText(outcomes: TeamRegradeOutcome[], lang: Lang): string {
  const fr = lang === 'fr';
  const width = Math.max(4, ...outcomes.map((o) => o.team.length));
  const lines: string[] = [];
  for (const o of outcomes) {
    const score = `${fraction(o.scoreBefore, o.maxScoreBefore)} → ${fraction(o.scoreAfter, o.maxScoreAfter)}`;
    for (const c of o.changes) {
      const status = `${c.before?.status ?? '—'} → ${c.after?.status ?? '—'}`;
      const points = `${c.before ? `${c.before.points}/${c.before.weight}` : '—'} → ${c.after ? `${c.after.points}/${c.after.weight}` : '—'}`;
      lines.push(`${o.team.padEnd(width)}  ${c.check}  ${status}  (${points})  score ${score}`);
    }
    if (o.why) lines.push(`${o.team.padEnd(width)}  ${fr ? 'non réévaluée' : 'not re-graded'}: ${terminalLine(pick(o.why, lang))}`);
    for (const note of o.notes) lines.push(`${o.team.padEnd(width)}  ${terminalLine(pick(note, lang))}`);
  }
  const changed = outcomes.reduce((n, o) => n + o.changes.length, 0);
  const regraded = outcomes.filter((o) => o.outcome === 'regraded').length;
  const left = outcomes.length - regraded;
  const total = fr
    ? `${changed === 0 ? 'Aucun verdict changé' : countOf(changed, 'fr', 'verdict changé', 'verdicts changés')} ; ${countOf(regraded, 'fr', 'équipe réévaluée', 'équipes réévaluées')}${left > 0 ? `, ${left} ${plural(left, 'fr', 'non réévaluée', 'non réévaluées')}` : ''}.`
    : `${changed === 0 ? 'No verdict changed' : `${countOf(changed, 'en', 'verdict', 'verdicts')} changed`}; ${countOf(regraded, 'en', 'team', 'teams')} re-graded${left > 0 ? `, ${left} not re-graded` : ''}.`;
  return [...lines, total].join('\n');
}

function fraction(score: number | null, max: number | null): string {
  return score === null ? '–' : `${Math.round(score * 100) / 100}/${max ?? '?'}`;
}
