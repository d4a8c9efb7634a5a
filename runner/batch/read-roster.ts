import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, parseDocument } from 'yaml';
import { describeYamlError, excerptAt, type YamlErrorDescription } from '../yaml-errors/describe-yaml-error.js';
import { positionOfPath } from '../yaml-errors/line-of-path.js';
import { MsprError } from '../errors.js';
import { type Localized, t } from '../i18n.js';
import { countOf } from '../i18n/format.js';
import { looksLikeGitUrl } from '../submission/acquire-submission.js';
import { parseDeadline } from '../submission/parse-deadline.js';
import type { Roster, RosterEntry } from './roster.js';

const TEAM_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_ROSTER_BYTES = 1024 * 1024;
/** Column names a roster may use, French or English, matched without case or accents. */
const COLUMNS: Record<keyof RosterEntry, string[]> = {
  team: ['team', 'equipe', 'name', 'nom'],
  source: ['source', 'repository', 'repo', 'depot', 'url', 'git'],
  ref: ['ref', 'branch', 'branche', 'tag'],
  deadline: ['deadline', 'echeance', 'date limite'],
  members: ['members', 'membres', 'students', 'etudiants'],
  manifest: ['manifest', 'plan'],
};

/** One thing wrong with a roster, and where: the 1-based line (and column) an editor or Excel shows. */
interface Problem {
  text: Localized;
  line?: number;
  column?: number;
}

type Position = { line: number; column: number };

/**
 * One team as read from the file. `at` gives where a field's value is (the entry itself without a field);
 * `problems` are what the format alone already shows wrong (YAML types, unknown keys).
 */
type Row = {
  fields: Record<string, unknown>;
  at: (field?: string) => Position | undefined;
  problems: Problem[];
  /** Not a team at all (a YAML list item that is no mapping): its missing name and source are not repeated. */
  shapeless?: boolean;
};

/** How a roster's format names what holds a field: a CSV has columns, a YAML file keys. */
type Format = 'csv' | 'yaml';

/**
 * Reads a roster: a CSV (`,` or `;`, UTF-8 with or without BOM, as Excel saves it), a YAML list (or
 * `teams:` list), or a folder of repositories (one team per subfolder, named after it). Every problem is
 * reported at once, with its line, as `MSPR_ROSTER_INVALID`; a single one with the lines around it.
 */
export function readRoster(path: string): Roster {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw invalid(path, [{ text: t(`${path} : introuvable`, `${path}: not found`) }]);
  if (statSync(absolute).isDirectory()) return folderRoster(absolute, path);
  if (statSync(absolute).size > MAX_ROSTER_BYTES) throw invalid(path, [{ text: t(`${path} : plus de 1 Mio`, `${path}: over 1 MiB`) }]);
  const text = readFileSync(absolute, 'utf8').replace(/^\ufeff/, '');
  const format: Format = /\.ya?ml$/i.test(extname(absolute)) ? 'yaml' : 'csv';
  const rows = format === 'yaml' ? yamlRows(text, path) : csvRows(text, path);
  return { source: path, entries: validate(rows, dirname(absolute), path, format, text) };
}

function folderRoster(dir: string, label: string): Roster {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ team: name, source: join(dir, name), members: [] }));
  const problems: Problem[] = entries
    .filter((e) => !TEAM_NAME.test(e.team))
    .map((e) => ({ text: t(`${e.team} : un nom d’équipe n’a que des lettres, des chiffres, « . », « _ » ou « - »`, `${e.team}: a team name has letters, digits, ".", "_" or "-" only`) }));
  if (entries.length === 0) problems.push({ text: t(`${label} : aucun sous-dossier (un par équipe)`, `${label}: no subfolder (one team per subfolder)`) });
  if (problems.length > 0) throw invalid(label, problems);
  return { source: label, entries };
}

function csvRows(text: string, label: string): Row[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  // Every line break Excel or an editor may leave, mixed in one file: `info.lines` counts them all.
  const options = { delimiter, record_delimiter: ['\r\n', '\n', '\r'], columns: (header: string[]) => header.map(columnOf), info: true, skip_empty_lines: true, trim: true, relax_column_count: true };
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, options) as unknown as typeof records;
  } catch (error) {
    throw invalid(label, [{ text: t(`CSV illisible : ${(error as Error).message}`, `unreadable CSV: ${(error as Error).message}`) }]);
  }
  return records.map(({ record, info }) => {
    // `info.lines` is where the row ends; a cell written on several lines moves its start up. Blank lines above
    // count, as in Excel, whose row numbers (header = 1) the user sees.
    const breaksInside = Object.values(record).reduce((sum, value) => sum + (String(value).match(/\r\n|\n|\r/g)?.length ?? 0), 0);
    const line = info.lines - breaksInside;
    return { fields: record, at: () => ({ line, column: 1 }), problems: [] };
  });
}

function yamlRows(text: string, label: string): Row[] {
  const lineCounter = new LineCounter();
  const parsed = parseDocument(text, { lineCounter });
  if (parsed.errors.length > 0) {
    const described = describeYamlError(label, text, parsed.errors[0]!);
    throw invalid(label, [], undefined, described);
  }
  let document: unknown;
  try {
    document = parsed.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    throw invalid(label, [{ text: t(`YAML refusé : ${message}`, `YAML refused: ${message}`) }]);
  }
  const inTeams = !Array.isArray(document) && document !== null && typeof document === 'object' && 'teams' in document;
  const list = inTeams ? (document as { teams: unknown }).teams : document;
  const root = inTeams ? '/teams' : '';
  const at = (path: string, of?: 'key') => positionOfPath(parsed, lineCounter, path, of);
  if (!Array.isArray(list)) {
    const where = document === null || document === undefined ? undefined : at(root);
    const kind = kindOf(list);
    throw invalid(label, [{ text: t(`une liste d’équipes est attendue (ou teams: [ … ]), pas ${kind.fr}`, `a list of teams is expected (or teams: [ … ]), not ${kind.en}`), ...where }], text);
  }
  return list.map((item: unknown, index) => yamlRow(item, `${root}/${index}`, at));
}

/** One YAML list item: its fields under the roster's own names, and what its types and keys already show wrong. */
function yamlRow(item: unknown, path: string, at: (path: string, of?: 'key') => Position | undefined): Row {
  const problems: Problem[] = [];
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    const kind = kindOf(item);
    const text = t(`une équipe est un bloc de clés (équipe: …, dépôt: …), pas ${kind.fr}`, `a team is a mapping (team: …, repo: …), not ${kind.en}`);
    return { fields: {}, at: () => at(path), problems: [{ text, ...at(path) }], shapeless: true };
  }
  const fields: Record<string, unknown> = {};
  const keyOf: Record<string, string> = {};
  const pathOf = (key: string) => `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  for (const [key, value] of Object.entries(item)) {
    const field = columnOf(key);
    if (!(field in COLUMNS)) {
      problems.push({ text: t(`clé inconnue « ${key} » (clés reconnues : ${KNOWN_KEYS.fr})`, `unknown key "${key}" (known keys: ${KNOWN_KEYS.en})`), ...at(pathOf(key), 'key') });
      continue;
    }
    fields[field] = value;
    keyOf[field] = key;
    const where = at(pathOf(key));
    if (field === 'members') {
      if (Array.isArray(value)) {
        value.forEach((member: unknown, position) => {
          if (!isText(member)) problems.push({ text: t(`« ${key} » : chaque membre est un nom, pas ${kindOf(member).fr}`, `"${key}": each member is a name, not ${kindOf(member).en}`), ...at(`${pathOf(key)}/${position}`) });
        });
      } else if (value !== null && typeof value !== 'string') {
        const kind = kindOf(value);
        problems.push({ text: t(`« ${key} » : une liste de noms ou des noms séparés par des virgules sont attendus, pas ${kind.fr}`, `"${key}": a list of names or comma-separated names is expected, not ${kind.en}`), ...where });
      }
    } else if (value !== null && !isText(value)) {
      const kind = kindOf(value);
      problems.push({ text: t(`« ${key} » : un texte est attendu, pas ${kind.fr}`, `"${key}": a text is expected, not ${kind.en}`), ...where });
    }
  }
  return { fields, at: (field) => (field && keyOf[field] !== undefined ? at(pathOf(keyOf[field]!)) : at(path)), problems };
}

/** The keys a YAML roster may use, as the hint names them (their other spellings are accepted too). */
const KNOWN_KEYS = t('équipe, dépôt, branche, échéance, membres, manifest', 'team, repo, ref, deadline, members, manifest');

/** A team's name, a path or a date may be written as a number (`team: 42`); anything else is not text. */
function isText(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** What a wrong value is, for "… expected, not a number". */
function kindOf(value: unknown): Localized {
  if (Array.isArray(value)) return t('une liste', 'a list');
  if (value === null || value === undefined) return t('une valeur vide', 'an empty value');
  if (typeof value === 'object') return t('un bloc de clés', 'a mapping');
  if (typeof value === 'number') return t('un nombre', 'a number');
  if (typeof value === 'boolean') return t('un booléen (true/false)', 'a boolean (true/false)');
  return t('un texte', 'a text');
}

function validate(rows: Row[], baseDir: string, label: string, format: Format, fileText: string): RosterEntry[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number | undefined>();
  const entries: RosterEntry[] = [];
  const holder = format === 'csv' ? t('colonne', 'column') : t('clé', 'key');
  for (const row of rows) {
    const { fields, at } = row;
    problems.push(...row.problems);
    const text = (key: keyof RosterEntry) => (isText(fields[key]) ? String(fields[key]).trim() : '');
    const team = text('team');
    const source = text('source');
    const entryAt = at();
    // A value of the wrong type is already reported as such: it is not also "missing".
    const wrongType = (key: keyof RosterEntry) => fields[key] !== undefined && fields[key] !== null && !isText(fields[key]);
    if (!row.shapeless) {
      if (!team && !wrongType('team')) {
        problems.push({ text: t(`pas de nom d’équipe (${holder.fr} équipe ou team)`, `no team name (${holder.en} équipe or team)`), ...entryAt });
      } else if (team && !TEAM_NAME.test(team)) {
        problems.push({ text: t(`équipe « ${team} » : des lettres, des chiffres, « . », « _ » ou « - » seulement (son nom devient un dossier)`, `team "${team}": letters, digits, ".", "_" or "-" only (it names a folder)`), ...at('team') });
      } else if (team && seen.has(team.toLowerCase())) {
        const first = seen.get(team.toLowerCase());
        const already = first ? t(` (déjà ligne ${first})`, ` (already line ${first})`) : t('', '');
        problems.push({ text: t(`l’équipe « ${team} » apparaît deux fois${already.fr}`, `team "${team}" appears twice${already.en}`), ...at('team') });
      }
      if (team && !seen.has(team.toLowerCase())) seen.set(team.toLowerCase(), at('team')?.line);
      if (!source && !wrongType('source')) {
        const noSource = team
          ? t(`l’équipe « ${team} » n’a pas de dépôt (${holder.fr} dépôt ou repo)`, `team "${team}" has no repository (${holder.en} dépôt or repo)`)
          : t(`pas de dépôt (${holder.fr} dépôt ou repo)`, `no repository (${holder.en} dépôt or repo)`);
        problems.push({ text: noSource, ...entryAt });
      }
    }
    const deadline = text('deadline') || undefined;
    if (deadline) {
      try {
        parseDeadline(deadline);
      } catch {
        problems.push({ text: t(`l’échéance « ${deadline} » n’est pas une date ISO 8601 (par ex. 2026-06-30T23:59)`, `deadline "${deadline}" is not an ISO 8601 date (e.g. 2026-06-30T23:59)`), ...at('deadline') });
      }
    }
    const members = Array.isArray(fields.members) ? fields.members.map(String) : text('members').split(/[,;|]/).map((m) => m.trim()).filter(Boolean);
    const manifest = text('manifest') || undefined;
    entries.push({
      team,
      source: source && !looksLikeGitUrl(source) && !isAbsolute(source) ? join(baseDir, source) : source,
      ...(text('ref') ? { ref: text('ref') } : {}),
      ...(deadline ? { deadline } : {}),
      members,
      ...(manifest ? { manifest: isAbsolute(manifest) ? manifest : join(baseDir, manifest) } : {}),
    });
  }
  if (entries.length === 0) problems.push({ text: t(`${label} : aucune équipe`, `${label}: no team`) });
  if (problems.length > 0) throw invalid(label, problems, fileText);
  return entries;
}

function columnOf(header: string): string {
  const plain = header.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  for (const [key, names] of Object.entries(COLUMNS)) if (names.includes(plain)) return key;
  return plain;
}

/** `ligne 7 : …` / `line 7: …`, or the problem alone when it is about the whole file. */
function located(problem: Problem): Localized {
  return problem.line ? t(`ligne ${problem.line} : ${problem.text.fr}`, `line ${problem.line}: ${problem.text.en}`) : problem.text;
}

/**
 * The roster error. Its problems are in the message, one per line in each language (an error's `details` speak
 * one language only); a single problem with a line is told as a YAML parse error is, the file's lines around it
 * below. `yaml`: the roster does not parse; its message (both languages) and excerpt replace the problem list.
 */
function invalid(label: string, problems: Problem[], fileText?: string, yaml?: YamlErrorDescription): MsprError {
  const hint = t(
    'Une ligne par équipe : team (ou équipe), source (URL git ou dossier), et au besoin ref, deadline, members (séparés par des virgules), manifest. Ou un dossier, un sous-dossier par équipe.',
    'One row per team: team, source (git URL or folder), and optionally ref, deadline, members (comma-separated), manifest. Or a folder, one subfolder per team.',
  );
  if (yaml) return new MsprError('MSPR_ROSTER_INVALID', t(`Liste des équipes invalide — ${yaml.fr}`, `Invalid roster — ${yaml.en}`), { excerpt: yaml.excerpt, hint });
  const [only] = problems;
  if (problems.length === 1 && only?.line) {
    const text = located(only);
    const excerpt = fileText === undefined ? undefined : excerptAt(fileText, only.line, only.column ?? 1);
    return new MsprError('MSPR_ROSTER_INVALID', t(`Liste des équipes invalide — ${label}, ${text.fr}`, `Invalid roster — ${label}, ${text.en}`), { excerpt, hint });
  }
  if (problems.length === 1 && only) return new MsprError('MSPR_ROSTER_INVALID', t(`Liste des équipes invalide — ${only.text.fr}`, `Invalid roster — ${only.text.en}`), { hint });
  // In the file's order, so the user fixes it top to bottom (the whole-file ones, without a line, last).
  const list = [...problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)).map(located);
  const title = t(
    `Liste des équipes invalide : ${basename(label)}, ${countOf(problems.length, 'fr', 'problème', 'problèmes')} :`,
    `Invalid roster: ${basename(label)}, ${countOf(problems.length, 'en', 'problem', 'problems')}:`,
  );
  return new MsprError('MSPR_ROSTER_INVALID', t([title.fr, ...list.map((p) => `  - ${p.fr}`)].join('\n'), [title.en, ...list.map((p) => `  - ${p.en}`)].join('\n')), { hint });
}
