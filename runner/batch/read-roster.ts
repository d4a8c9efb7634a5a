import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseDocument } from 'yaml';
import { describeYamlError, type YamlErrorDescription } from '../yaml-errors/describe-yaml-error.js';
import { MsprError } from '../errors.js';
import { t } from '../i18n.js';
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

/**
 * Reads a roster: a CSV (`,` or `;`, UTF-8 with or without BOM, as Excel saves it), a YAML list (or
 * `teams:` list), or a folder of repositories (one team per subfolder, named after it). Every problem is
 * reported at once, with its row, as `MSPR_ROSTER_INVALID`.
 */
export function readRoster(path: string): Roster {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw invalid(path, [`${path}: not found`]);
  if (statSync(absolute).isDirectory()) return folderRoster(absolute, path);
  if (statSync(absolute).size > MAX_ROSTER_BYTES) throw invalid(path, [`${path}: over 1 MiB`]);
  const text = readFileSync(absolute, 'utf8').replace(/^\ufeff/, '');
  const rows = /\.ya?ml$/i.test(extname(absolute)) ? yamlRows(text, path) : csvRows(text, path);
  return { source: path, entries: validate(rows, dirname(absolute), path) };
}

function folderRoster(dir: string, label: string): Roster {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ team: name, source: join(dir, name), members: [] }));
  const problems = entries.filter((e) => !TEAM_NAME.test(e.team)).map((e) => `${e.team}: a team name has letters, digits, ".", "_" or "-" only`);
  if (entries.length === 0) problems.push(`${label}: no subfolder (one team per subfolder)`);
  if (problems.length > 0) throw invalid(label, problems);
  return { source: label, entries };
}

type Row = { line: string; fields: Record<string, unknown> };

function csvRows(text: string, label: string): Row[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const records = parseCsv(text, { delimiter, columns: (header: string[]) => header.map(columnOf), skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
    return records.map((fields, index) => ({ line: `line ${index + 2}`, fields }));
  } catch (error) {
    throw invalid(label, [(error as Error).message]);
  }
}

function yamlRows(text: string, label: string): Row[] {
  const parsed = parseDocument(text);
  if (parsed.errors.length > 0) {
    const described = describeYamlError(label, text, parsed.errors[0]!);
    throw invalid(label, [], described);
  }
  let document: unknown;
  try {
    document = parsed.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw invalid(label, [(error as Error).message.split('\n')[0]!]);
  }
  const list = Array.isArray(document) ? document : (document as { teams?: unknown } | null)?.teams;
  if (!Array.isArray(list)) throw invalid(label, ['(root): a list of teams, or teams: [ … ]']);
  return list.map((item, index) => {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item && typeof item === 'object' ? item : {})) fields[columnOf(key)] = value;
    return { line: `teams[${index}]`, fields };
  });
}

function validate(rows: Row[], baseDir: string, label: string): RosterEntry[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const entries: RosterEntry[] = [];
  for (const { line, fields } of rows) {
    const text = (key: keyof RosterEntry) => (typeof fields[key] === 'string' || typeof fields[key] === 'number' ? String(fields[key]).trim() : '');
    const team = text('team');
    const source = text('source');
    if (!team) problems.push(`${line}: no team name`);
    else if (!TEAM_NAME.test(team)) problems.push(`${line}: team "${team}": letters, digits, ".", "_" or "-" only (it names a folder)`);
    else if (seen.has(team.toLowerCase())) problems.push(`${line}: team "${team}" appears twice`);
    seen.add(team.toLowerCase());
    if (!source) problems.push(`${line}: no source (git URL or folder)`);
    const deadline = text('deadline') || undefined;
    if (deadline) {
      try {
        parseDeadline(deadline);
      } catch {
        problems.push(`${line}: deadline "${deadline}" is not an ISO 8601 date (e.g. 2026-06-30T23:59)`);
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
  if (entries.length === 0) problems.push(`${label}: no team`);
  if (problems.length > 0) throw invalid(label, problems);
  return entries;
}

function columnOf(header: string): string {
  const plain = header.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  for (const [key, names] of Object.entries(COLUMNS)) if (names.includes(plain)) return key;
  return plain;
}

/** `yaml`: the roster does not parse; its message (both languages) and excerpt replace the generic problem list. */
function invalid(label: string, problems: string[], yaml?: YamlErrorDescription): MsprError {
  const title = t(`Liste des équipes invalide : ${basename(label)}.`, `Invalid roster: ${basename(label)}.`);
  return new MsprError('MSPR_ROSTER_INVALID', yaml ? t(`Liste des équipes invalide — ${yaml.fr}`, `Invalid roster — ${yaml.en}`) : title, {
    details: yaml ? [] : problems,
    excerpt: yaml?.excerpt,
    hint: t(
      'Une ligne par équipe : team (ou équipe), source (URL git ou dossier), et au besoin ref, deadline, members (séparés par des virgules), manifest. Ou un dossier, un sous-dossier par équipe.',
      'One row per team: team, source (git URL or folder), and optionally ref, deadline, members (comma-separated), manifest. Or a folder, one subfolder per team.',
    ),
  });
}
