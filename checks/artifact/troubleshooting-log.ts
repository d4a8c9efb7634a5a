import { basename } from 'node:path';
import { xlsxProblem } from '../../runner/evidence/xlsx-guard.js';
import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { COLUMN_NAMES, LOG_COLUMNS, type LogColumn, matchColumns } from './support/log-columns.js';
import { day, isBlank, isUrl, parseDate } from './support/log-values.js';
import { countOf } from '../../runner/i18n/format.js';

interface Options {
  path?: string;
  minRows: number;
}

const LOG_NAME = /journal|carnet|bord|log|probl|d[ée]pann|troubleshoot|incident|solution|veille/i;
const MAX_BYTES = 20 * 1024 * 1024;

export default defineCheck({
  meta: {
    id: 'artifact/troubleshooting-log',
    title: { fr: 'Carnet de bord des solutions techniques (Excel)', en: 'Troubleshooting log workbook (Excel)' },
    criteria: ['cdp-data-ia:C2.7'],
    evidence: ['artifact'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        path: { type: 'string', pattern: '\\.xlsx$', description: 'the workbook in the repository (default: mspr.yaml outputs.troubleshooting, else an .xlsx named like a log)' },
        minRows: { type: 'integer', minimum: 1, default: 3, description: 'minimum number of problems logged' },
      },
    },
    messages: {
      pass: { fr: 'Carnet {file} : {rows} {rows|problème renseigné|problèmes renseignés}, colonnes complètes, dates et URL valides.', en: 'Log {file}: {rows} {rows|problem|problems} logged, all columns present, dates and URLs valid.' },
      noFile: {
        fr: "Aucun carnet de bord Excel trouvé ({xlsx}). Attendu : un fichier .xlsx recensant les problèmes techniques rencontrés (index, date du problème, libellé, date de résolution, URL de la solution, description), C2.7. Déclarez-le dans mspr.yaml (outputs: { troubleshooting: docs/carnet.xlsx }).",
        en: 'No Excel troubleshooting log found ({xlsx}). Expected: an .xlsx listing the technical problems met (index, problem date, label, resolution date, solution URL, description), C2.7. Declare it in mspr.yaml (outputs: { troubleshooting: docs/log.xlsx }).',
      },
      unreadable: { fr: 'Le carnet {file} ne peut pas être lu : {reason}.', en: 'The log {file} cannot be read: {reason}.' },
      columns: { fr: 'Colonnes manquantes dans {file} : {missing} (en-têtes trouvés : {headers}).', en: 'Columns missing in {file}: {missing} (headers found: {headers}).' },
      invalid: {
        fr: 'Carnet {file} incomplet ou incohérent : {problems}. Attendu : au moins {minRows} lignes, dates valides, résolution ≥ problème, URL http(s) bien formées, libellé et description renseignés.',
        en: 'Log {file} incomplete or inconsistent: {problems}. Expected: at least {minRows} rows, valid dates, resolution ≥ problem date, well-formed http(s) URLs, label and description filled in.',
      },
    },
  },
  async run({ options, workspace, manifest, datasets }: CheckContext<Options>) {
    const declared = options.path ?? manifest?.outputs?.troubleshooting;
    const given = new Set((datasets?.list() ?? []).map((p) => basename(p)));
    const workbooks = workspace.list().filter((p) => /\.xlsx$/i.test(p) && !given.has(basename(p)));
    const file = declared ?? workbooks.find((p) => LOG_NAME.test(basename(p))) ?? (workbooks.length === 1 ? workbooks[0] : undefined);
    if (!file || !workspace.exists(file)) return { status: 'fail', message: 'noFile', params: { xlsx: workbooks.length ? workbooks.join(', ') : t('aucun .xlsx', 'no .xlsx') }, evidence: [{ kind: 'artifact', subject: declared ?? 'troubleshooting log', expected: '.xlsx', actual: null, data: { workbooks } }] };
    const bytes = workspace.readBytes(file);
    const refused = bytes.length > MAX_BYTES ? `${bytes.length} bytes (limit ${MAX_BYTES})` : xlsxProblem(bytes);
    let rows: unknown[][] = [];
    try {
      if (refused) throw new Error(refused);
      const { readSheet } = await import('read-excel-file/node');
      rows = (await readSheet(bytes)) as unknown[][];
    } catch (error) {
      return { status: 'fail', message: 'unreadable', params: { file, reason: `"${(error as Error).message}"` }, evidence: [{ kind: 'artifact', subject: file, actual: (error as Error).message }] };
    }
    const headerRow = rows.findIndex((row) => row.filter((cell) => !isBlank(cell)).length >= 3);
    const header = rows[headerRow] ?? [];
    const columns = matchColumns(header);
    const missing = LOG_COLUMNS.filter((c) => columns[c] === undefined);
    const headers = header.filter((h) => !isBlank(h)).map(String).join(', ') || '∅';
    // The headers are the team's own text: quoted, they read the same in both languages.
    const quotedHeaders = header.filter((h) => !isBlank(h)).map((h) => JSON.stringify(String(h))).join(', ') || '∅';
    if (missing.length > 0) return { status: 'fail', score: 1 - missing.length / LOG_COLUMNS.length, message: 'columns', params: { file, missing: joinLocalized(missing.map((c) => COLUMN_TITLES[c])), headers: quotedHeaders }, evidence: [{ kind: 'artifact', subject: file, expected: LOG_COLUMNS.map((c) => COLUMN_NAMES[c]).join(', '), actual: headers }] };
    const body = rows.slice(headerRow + 1).filter((row) => row.some((cell) => !isBlank(cell)));
    const problems = body.flatMap((row, i) => rowProblems(row, columns as Record<LogColumn, number>, headerRow + i + 2));
    if (body.length < options.minRows) problems.unshift(t(`${countOf(body.length, 'fr', 'ligne', 'lignes')} < ${options.minRows}`, `${countOf(body.length, 'en', 'row', 'rows')} < ${options.minRows}`));
    const evidence: Evidence[] = [{ kind: 'artifact', subject: file, actual: body.length, data: { columns: Object.fromEntries(LOG_COLUMNS.map((c) => [c, String(header[columns[c]!])])), problems: problems.slice(0, 20).map((p) => p.en) } }];
    const shown = [...problems.slice(0, 8), ...(problems.length > 8 ? [`(+${problems.length - 8})`] : [])];
    if (problems.length > 0) return { status: 'fail', score: Math.max(0, 1 - problems.length / Math.max(body.length, 1)), message: 'invalid', params: { file, problems: joinLocalized(shown, '; '), minRows: options.minRows }, evidence };
    return { status: 'pass', message: 'pass', params: { file, rows: body.length }, evidence };
  },
});

/** Column titles as message words (the evidence keeps `COLUMN_NAMES`). */
const COLUMN_TITLES: Record<LogColumn, Localized> = {
  index: t('index', 'index'),
  problemDate: t('date du problème', 'problem date'),
  label: t('libellé', 'label'),
  resolutionDate: t('date de résolution', 'resolution date'),
  url: t('URL', 'URL'),
  description: t('description', 'description'),
};

function rowProblems(row: unknown[], at: Record<LogColumn, number>, line: number): Localized[] {
  const problems: Localized[] = [];
  const cell = (c: LogColumn) => row[at[c]];
  const quoted = (c: LogColumn) => JSON.stringify(String(cell(c) ?? ''));
  if (isBlank(cell('index'))) problems.push(t(`ligne ${line} : pas d'index`, `row ${line}: no index`));
  const opened = parseDate(cell('problemDate'));
  const closed = parseDate(cell('resolutionDate'));
  if (!opened) problems.push(t(`ligne ${line} : date du problème ${quoted('problemDate')} invalide`, `row ${line}: problem date ${quoted('problemDate')} invalid`));
  if (!isBlank(cell('resolutionDate')) && !closed) problems.push(t(`ligne ${line} : date de résolution ${quoted('resolutionDate')} invalide`, `row ${line}: resolution date ${quoted('resolutionDate')} invalid`));
  if (opened && closed && closed < opened) problems.push(t(`ligne ${line} : résolu le ${day(closed)}, avant le ${day(opened)}`, `row ${line}: resolved ${day(closed)} before ${day(opened)}`));
  if (isBlank(cell('label'))) problems.push(t(`ligne ${line} : libellé vide`, `row ${line}: no label`));
  if (!isUrl(cell('url'))) problems.push(t(`ligne ${line} : URL ${quoted('url')} mal formée`, `row ${line}: URL ${quoted('url')} malformed`));
  if (isBlank(cell('description'))) problems.push(t(`ligne ${line} : description vide`, `row ${line}: no description`));
  return problems;
}
