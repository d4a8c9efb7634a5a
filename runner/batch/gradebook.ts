import { stringify } from 'csv-stringify/sync';
import writeExcelFile from 'write-excel-file/node';
import { COMPETENCY_WORDS } from '../../reports/competencies.js';
import { type Lang, pick } from '../i18n.js';
import type { BatchSummary } from './batch-summary.js';

/** `excel-fr`: UTF-8 with BOM and `;`, what French Excel opens with accents and columns right; `rfc4180`: plain. */
export type CsvDialect = 'rfc4180' | 'excel-fr';

export type Cell = string | number | null;

/** The promotion's table: a header and one row per roster team, in roster order (not graded yet: status empty). */
export interface Gradebook {
  header: string[];
  rows: Cell[][];
}

const FIXED = {
  fr: ['équipe', 'membres', 'statut', 'commit', 'commits après l’échéance', 'score', 'score max', 'raison', 'rapport'],
  en: ['team', 'members', 'status', 'commit', 'commits after deadline', 'score', 'max score', 'reason', 'report'],
};
const STATUS_WORDS = {
  fr: { pass: 'réussi', fail: 'échoué', error: 'erreur' },
  en: { pass: 'pass', fail: 'fail', error: 'error' },
};

/**
 * Builds the gradebook from `batch.json`'s content: one column per competency (its status in words), then one
 * per check (`pass`, `fail`…), each named once across the promotion in first-seen order.
 */
export function buildGradebook(summary: BatchSummary, lang: Lang): Gradebook {
  const codes = unique(summary.teams.flatMap((team) => Object.keys(team.competencies)));
  const checks = unique(summary.teams.flatMap((team) => Object.keys(team.checks)));
  const rows = summary.teams.map((team): Cell[] => [
    team.team,
    team.members.join(', '),
    team.status === 'not-graded' ? null : STATUS_WORDS[lang][team.status],
    team.commit,
    team.commitsAfterDeadline,
    team.score === null ? null : Math.round(team.score * 100) / 100,
    team.maxScore,
    team.reason ? pick(team.reason, lang) : null,
    team.report,
    ...codes.map((code) => (team.competencies[code] ? COMPETENCY_WORDS[lang][team.competencies[code]] : null)),
    ...checks.map((id) => team.checks[id] ?? null),
  ]);
  return { header: [...FIXED[lang], ...codes, ...checks], rows };
}

export function gradebookCsv(book: Gradebook, dialect: CsvDialect): string {
  const text = stringify([book.header, ...book.rows.map((row) => row.map(defuse))], { delimiter: dialect === 'excel-fr' ? ';' : ',', record_delimiter: dialect === 'excel-fr' ? 'windows' : 'unix' });
  return dialect === 'excel-fr' ? `\ufeff${text}` : text;
}

export async function gradebookXlsx(book: Gradebook, lang: Lang): Promise<Buffer> {
  const header = book.header.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = book.rows.map((row) => row.map((value) => (value === null ? null : { value })));
  return writeExcelFile([header, ...rows], { sheet: lang === 'fr' ? 'Promotion' : 'Gradebook', stickyRowsCount: 1, stickyColumnsCount: 1 }).toBuffer();
}

/** A reason can quote the team's file names: a cell starting with = + - @ must not become a spreadsheet formula. */
function defuse(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
