import { terminalLine } from '../../reports/safe-text.js';
import { type Lang, pick } from '../i18n.js';
import type { TeamRegradeOutcome } from './regrade-outputs.js';
import { countOf, formatDuration } from '../i18n/format.js';

/** What a regrade tells whoever watches it: one line per team as it is judged again (it takes a second, no live bar). */
export interface RegradeProgress {
  start(total: number): void;
  team(outcome: TeamRegradeOutcome, ms: number): void;
  end(): void;
}

export const silentRegradeProgress: RegradeProgress = { start() {}, team() {}, end() {} };

/** Plain lines as the batch prints them in CI logs: `↻ [2/5] beta: fail 3/6 → pass 6/6, 1 verdict changed (0.4 s)`. */
export function consoleRegradeProgress(lang: Lang, stream: NodeJS.WritableStream = process.stderr): RegradeProgress {
  const fr = lang === 'fr';
  let total = 0;
  let done = 0;
  let startedAt = Date.now();
  return {
    start(count) {
      total = count;
      startedAt = Date.now();
    },
    team(o, ms) {
      done += 1;
      const head = `[${done}/${total}] ${o.team}`;
      if (o.outcome !== 'regraded') {
        stream.write(`✘ ${head}: ${fr ? 'non réévaluée' : 'not re-graded'} — ${terminalLine(pick(o.why!, lang)).slice(0, 200)}\n`);
        return;
      }
      const before = `${o.statusBefore} ${score(o.scoreBefore, o.maxScoreBefore)}`;
      const after = `${o.statusAfter} ${score(o.scoreAfter, o.maxScoreAfter)}`;
      const n = o.changes.length;
      const changed = n === 0 ? (fr ? 'inchangée' : 'unchanged') : fr ? countOf(n, 'fr', 'verdict changé', 'verdicts changés') : `${countOf(n, 'en', 'verdict', 'verdicts')} changed`;
      stream.write(`↻ ${head}: ${before === after ? before : `${before} → ${after}`}, ${changed} (${formatDuration(ms, lang)})\n`);
    },
    end() {
      stream.write(`${fr ? 'Réévaluation terminée' : 'Regrade done'}: ${done}/${total} (${formatDuration(Date.now() - startedAt, lang)})\n`);
    },
  };
}

function score(value: number | null, max: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100) / 100}/${max ?? '?'}`;
}
