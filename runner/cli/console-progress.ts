import { type Lang, pick } from '../i18n.js';
import { describePlan } from '../plan/describe-plan.js';
import type { ProgressListener } from '../progress.js';
import { paint } from './terminal-style.js';
import { terminalLine } from '../../reports/safe-text.js';
import { evidenceWord } from '../../reports/evidence-words.js';
import { formatDuration, frenchTypography } from '../i18n/format.js';

/**
 * Prints a run's progress on stderr (stdout stays for the summary, so it can be piped). Long steps show
 * their latest output line, at most every few seconds, so a silent terminal never looks hung. What comes from the
 * candidate (output lines, file names in step ids and notices) is printed as one line without escapes.
 */
export function consoleProgress(lang: Lang, stream: NodeJS.WriteStream = process.stderr): ProgressListener {
  let lastOutputAt = 0;
  const write = (line: string) => stream.write(`${lang === 'fr' ? frenchTypography(line) : line}\n`);
  return (event) => {
    switch (event.type) {
      case 'phase':
        write(paint('bold', `» ${terminalLine(pick(event.text, lang))}`, stream));
        break;
      case 'plan':
        for (const line of describePlan(event.plan, lang)) write(line.startsWith(' ') ? line : paint('bold', line, stream));
        break;
      case 'notice':
        write(paint('yellow', `! ${terminalLine(pick(event.text, lang))}`, stream));
        // Each excerpt line is indented under the notice: none of the candidate's text starts a line of its own.
        for (const line of event.excerpt?.split('\n') ?? []) write(`    ${terminalLine(line)}`);
        break;
      case 'step-start':
        lastOutputAt = Date.now();
        write(`▶ ${lang === 'fr' ? 'étape' : 'step'} ${event.index + 1}/${event.total} ${terminalLine(event.id)}`);
        break;
      case 'step-output':
        if (Date.now() - lastOutputAt > 5_000) {
          lastOutputAt = Date.now();
          write(paint('dim', `  … ${terminalLine(event.line).slice(0, 160)}`, stream));
        }
        break;
      case 'notebook-cell': {
        lastOutputAt = Date.now();
        const cell = `${lang === 'fr' ? 'cellule' : 'cell'} ${event.cell}/${event.total}`;
        // A heartbeat says a silent cell is still running (elapsed seconds); a start shows the cell's first line.
        const detail = event.elapsedSec !== undefined ? (lang === 'fr' ? `en cours depuis ${event.elapsedSec} s` : `running for ${event.elapsedSec} s`) : terminalLine(event.line ?? '').slice(0, 120);
        write(paint('dim', `  ${cell}${detail ? (lang === 'fr' ? ` : ${detail}` : `: ${detail}`) : ''}`, stream));
        break;
      }
      case 'step-end': {
        const { record } = event;
        const ok = record.status === 'ok';
        write(`  ${paint(ok ? 'green' : 'red', ok ? '✔' : '✘', stream)} ${evidenceWord(record.status, lang)} (${formatDuration(record.result?.durationMs ?? 0, lang)})`);
        break;
      }
      case 'verdict':
        break; // the summary lists verdicts once, at the end
    }
  };
}
