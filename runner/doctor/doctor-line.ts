import type { Localized } from '../i18n.js';

/**
 * One line of `mspr-lab doctor`: one thing the grader uses, found or not. A required line that is not ok makes
 * the machine unable to grade the bundled scenarios with their defaults (exit 1); an optional one only disables
 * what `need` names (the docker sandbox, a database kind, accessibility checks…).
 */
export interface DoctorLine {
  /** Stable id, e.g. `python`, `python-stack`, `docker-engine`, `database-postgres`. */
  id: string;
  /** What is checked, e.g. "Python interpreter". */
  label: Localized;
  required: boolean;
  ok: boolean;
  /** What was found (versions, paths) or what is missing. */
  summary: Localized;
  /** What does not work without it. */
  need: Localized;
  /** Commands that fix it, when not ok (shell lines, the same in both languages: no comment in them). */
  fix: string[];
  /** What to know about those commands (alternatives, what to do after), in words. */
  fixNote?: Localized;
}

/** What `doctor --json` prints and the exit code follows: ready when every required line is ok. */
export interface DoctorReport {
  version: string;
  ready: boolean;
  lines: DoctorLine[];
}

export function line(fields: Omit<DoctorLine, 'fix'> & { fix?: string[] }): DoctorLine {
  const { fixNote, ...rest } = fields;
  return fields.ok ? { ...rest, fix: [] } : { ...rest, fix: fields.fix ?? [], ...(fixNote ? { fixNote } : {}) };
}
