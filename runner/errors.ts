import { type Lang, type Localized, pick } from './i18n.js';

/** Every error mspr-lab raises on purpose has one of these codes, so scripts can branch on it. */
export type MsprErrorCode =
  | 'MSPR_USAGE'
  | 'MSPR_SCENARIO_NOT_FOUND'
  | 'MSPR_SCENARIO_INVALID'
  | 'MSPR_CHECK_UNKNOWN'
  | 'MSPR_SUBMISSION_UNREADABLE'
  | 'MSPR_GIT_FAILED'
  | 'MSPR_SANDBOX_UNAVAILABLE'
  | 'MSPR_SANDBOX_FAILED'
  | 'MSPR_SERVICE_FAILED'
  | 'MSPR_DATA_UNREADABLE'
  | 'MSPR_DB_UNREACHABLE'
  | 'MSPR_TRACE_INVALID'
  | 'MSPR_FILE_REFUSED'
  | 'MSPR_CHECK_TIMEOUT'
  | 'MSPR_INTERPRETER_UNUSABLE'
  | 'MSPR_GRADER_FAULT'
  | 'MSPR_REPORT_INVALID'
  | 'MSPR_OUTPUT_UNWRITABLE'
  | 'MSPR_ROSTER_INVALID'
  | 'MSPR_BATCH_INVALID'
  | 'MSPR_REGRADE_NEEDS_RUN'
  | 'MSPR_INTERNAL';

/**
 * An error that knows what went wrong, in both languages, and what the user can do about it.
 * `details` carries the long form (e.g. every schema violation), shown under the message.
 */
export class MsprError extends Error {
  readonly code: MsprErrorCode;
  readonly text: Localized;
  readonly hint?: Localized;
  readonly details: string[];
  /** Lines of the user's file around the problem (a YAML error's caret excerpt), printed as they are. */
  readonly excerpt?: string;

  constructor(code: MsprErrorCode, text: Localized, options: { hint?: Localized; details?: string[]; excerpt?: string; cause?: unknown } = {}) {
    super(text.en, { cause: options.cause });
    this.name = 'MsprError';
    this.code = code;
    this.text = text;
    this.hint = options.hint;
    this.details = options.details ?? [];
    if (options.excerpt) this.excerpt = options.excerpt;
  }

  /** The message a human reads: what happened, the details, then what to do. */
  describe(lang: Lang): string {
    const lines = [`${this.code}: ${pick(this.text, lang)}`, ...this.details.map((d) => `  - ${d}`)];
    if (this.excerpt) lines.push(...this.excerpt.split('\n').map((line) => `    ${line}`));
    if (this.hint) lines.push(`${lang === 'fr' ? 'Que faire :' : 'What to do:'} ${pick(this.hint, lang)}`);
    return lines.join('\n');
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.text, hint: this.hint, details: this.details, ...(this.excerpt ? { excerpt: this.excerpt } : {}) };
  }
}

/** How hints name the run whose leftovers to remove; {@link withRunId} puts the real id in. */
export const CLEANUP_THIS_RUN = 'mspr-lab cleanup --run <run-id>';

/**
 * Fills `<run-id>` in an error's hint once the run it happened in is known: a hint must give the command
 * to type (`mspr-lab cleanup --run 20261201-…`), not a bare `cleanup` that would sweep other runs.
 */
export function withRunId(error: SerializedError, runId: string): SerializedError {
  if (!error.hint) return error;
  const fill = (text: string) => text.replaceAll('<run-id>', runId);
  return { ...error, hint: { fr: fill(error.hint.fr), en: fill(error.hint.en) } };
}

/** The shape errors take inside reports (JSON has no classes). */
export interface SerializedError {
  code: MsprErrorCode;
  message: Localized;
  hint?: Localized;
  details: string[];
  excerpt?: string;
}

/**
 * The first line of an error, capped: what a one-line verdict or doctor line quotes. A child process's stderr
 * (execa, execFile) is preferred to its message, which only repeats the command line.
 */
export function firstLineOf(error: unknown, max = 200): string {
  const { stderr, message } = (error ?? {}) as { stderr?: unknown; message?: unknown };
  const text = (typeof stderr === 'string' && stderr.trim()) || (typeof message === 'string' && message) || String(error);
  const line = text.trim().split('\n')[0]!;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

let verbose = false;

/**
 * `--verbose` (any command): internal errors carry their stack trace. Off by default, so a user reads what
 * went wrong and what to do, not JS frames; process-wide because it is a diagnostic switch of the CLI.
 */
export function setVerbose(enabled: boolean): void {
  verbose = enabled;
}

/** The stack of an unexpected error, one line, when `--verbose` asked for it; otherwise undefined. */
export function stackOf(error: unknown): string | undefined {
  return verbose && error instanceof Error && error.stack ? error.stack.split('\n').map((line) => line.trim()).join(' | ') : undefined;
}

/** Wraps anything thrown into a serializable error without losing the original message. */
export function toSerializedError(error: unknown): SerializedError {
  if (error instanceof MsprError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  const stack = stackOf(error);
  return {
    code: 'MSPR_INTERNAL',
    message: { fr: `Erreur interne : ${message}`, en: `Internal error: ${message}` },
    hint: {
      fr: 'Relancez avec --verbose pour voir où l’erreur s’est produite, et signalez le problème avec le rapport report.json joint.',
      en: 'Run again with --verbose to see where it happened, and report the problem with the report.json attached.',
    },
    details: stack ? [stack] : [],
  };
}
