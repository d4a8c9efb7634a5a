import type { VerdictStatus } from '../checks/verdict.js';
import { type Lang, pick } from '../runner/i18n.js';
import type { RunReport } from './report.js';
import { mapStrings, plainText } from './safe-text.js';

const COMMAND: Partial<Record<VerdictStatus, 'error' | 'warning'>> = { fail: 'error', error: 'error', warn: 'warning' };

/** A workflow command's message: `%`, CR and LF escaped, as GitHub's runner unescapes them. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as data, plus `:` and `,` that would end the property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=etl.py,line=54,title=…::message` lines for GitHub Actions, one per check that failed or could not
 * be judged (`::warning` for a warning), at the first line its evidence points to; GitHub shows them on the
 * files of the pull request and in the run's summary. Candidate text cannot start a command of its own: line
 * breaks are escaped, so every annotation stays on one line.
 */
export function githubAnnotations(unsafe: RunReport, lang: Lang): string[] {
  const report = mapStrings(unsafe, plainText);
  const lines: string[] = [];
  for (const verdict of report.verdicts) {
    const command = COMMAND[verdict.status];
    if (!command) continue;
    const location = verdict.evidence.find((item) => item.location)?.location;
    const properties = [
      ...(location ? [`file=${escapeProperty(location.file)}`] : []),
      ...(location?.line !== undefined && location.cell === undefined ? [`line=${location.line}`] : []),
      `title=${escapeProperty(`${verdict.id} — ${pick(verdict.title, lang)}`)}`,
    ];
    lines.push(`::${command} ${properties.join(',')}::${escapeData(pick(verdict.message, lang))}`);
  }
  for (const error of report.errors) lines.push(`::error title=${escapeProperty(error.code)}::${escapeData(pick(error.message, lang))}`);
  return lines;
}
