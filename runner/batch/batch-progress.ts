import { createLogUpdate } from 'log-update';
import { terminalLine } from '../../reports/safe-text.js';
import { type Lang, pick } from '../i18n.js';
import type { RunProgress } from '../progress.js';
import type { TeamRow } from './batch-store.js';

/** What a batch tells whoever watches it. */
export interface BatchProgress {
  start(total: number): void;
  /** Graded before with the same scenario and the same commit (or folder contents): kept as it was. */
  teamSkipped(team: string): void;
  teamStarted(team: string): void;
  teamEvent(team: string, event: RunProgress): void;
  teamFinished(row: TeamRow): void;
  end(): void;
}

export const silentBatchProgress: BatchProgress = { start() {}, teamSkipped() {}, teamStarted() {}, teamEvent() {}, teamFinished() {}, end() {} };

/**
 * On a terminal: one line per running team (team, step, elapsed) under a total bar with done, failed and
 * an ETA, redrawn each second. Elsewhere (CI logs): one plain line when a team starts and when it ends.
 * Team names are checked plain; step ids and phases come from the team's repository, so are made one line.
 */
export function consoleBatchProgress(lang: Lang, stream: NodeJS.WriteStream = process.stderr): BatchProgress {
  const running = new Map<string, { since: number; doing: string }>();
  let total = 0;
  let done = 0;
  let failed = 0;
  let startedAt = Date.now();
  const durations: number[] = [];
  const tty = Boolean(stream.isTTY);
  const live = tty ? createLogUpdate(stream) : undefined;
  let timer: NodeJS.Timeout | undefined;
  const fr = lang === 'fr';

  const eta = (): string => {
    if (durations.length === 0 || done >= total) return '';
    const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
    const lanes = Math.max(1, running.size);
    return ` · ${fr ? 'reste' : 'ETA'} ~${seconds(((total - done) * mean) / lanes)}`;
  };
  const bar = (): string => {
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} · ${fr ? 'échecs' : 'failed'} ${failed}${eta()}`;
  };
  const draw = () => {
    if (!live) return;
    const now = Date.now();
    const lines = [...running].map(([team, { since, doing }]) => `  ${team.padEnd(16)} ${seconds(now - since).padStart(6)}  ${doing}`.slice(0, (stream.columns ?? 100) - 1));
    live([bar(), ...lines].join('\n'));
  };
  const plain = (line: string) => (live ? live.persist(line) : stream.write(`${line}\n`));

  return {
    start(count) {
      total = count;
      startedAt = Date.now();
      if (live) timer = setInterval(draw, 1000).unref();
      draw();
    },
    teamSkipped(team) {
      done += 1;
      plain(fr ? `= [${done}/${total}] ${team} : déjà évaluée, inchangée, résultat gardé` : `= [${done}/${total}] ${team}: already graded, unchanged, result kept`);
      draw();
    },
    teamStarted(team) {
      running.set(team, { since: Date.now(), doing: fr ? 'démarrage' : 'starting' });
      if (!live) plain(`▶ ${team}`);
      draw();
    },
    teamEvent(team, event) {
      const current = running.get(team);
      if (!current) return;
      if (event.type === 'phase') current.doing = terminalLine(pick(event.text, lang));
      else if (event.type === 'step-start') current.doing = `${fr ? 'étape' : 'step'} ${event.index + 1}/${event.total} ${terminalLine(event.id)}`;
    },
    teamFinished(row) {
      running.delete(row.team);
      done += 1;
      if (row.status !== 'pass') failed += 1;
      durations.push(row.durationMs);
      const score = row.score === null ? '' : ` ${round(row.score)}/${row.maxScore}`;
      const why = row.status === 'error' && row.reason ? ` — ${terminalLine(pick(row.reason, lang)).slice(0, 160)}` : '';
      plain(`${row.status === 'pass' ? '✔' : '✘'} [${done}/${total}] ${row.team}: ${row.status}${score} (${seconds(row.durationMs)})${why}`);
      draw();
    },
    end() {
      if (timer) clearInterval(timer);
      live?.done();
      if (!live) plain(`${fr ? 'Lot terminé' : 'Batch done'}: ${done}/${total}, ${fr ? 'échecs' : 'failed'} ${failed} (${seconds(Date.now() - startedAt)})`);
    },
  };
}

function seconds(ms: number): string {
  return ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
