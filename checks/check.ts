import type { Lang, Localized, MessageParams } from '../runner/i18n.js';
import type { Evidence, EvidenceKind, VerdictBlock, VerdictStatus } from './verdict.js';
import type { CheckEvidence } from '../runner/evidence/check-evidence.js';
import type { StaticBasis } from './support/static-basis.js';

/** A JSON Schema (draft-07) for a check's options, validated by the runner with ajv before `run`. */
export type OptionsSchema = Record<string, unknown>;

/**
 * What a check declares about itself, ESLint-rule style: enough to list it, document it, validate its
 * options and render its messages without running it.
 */
export interface CheckMeta<Key extends string = string> {
  /** `family/name`, e.g. `db/rows-match-source`. */
  id: string;
  title: Localized;
  /** Criterion refs, `framework:code`, e.g. `cdp-data-ia:C1.9`. */
  criteria: string[];
  evidence: EvidenceKind[];
  /** Options schema; `default` values in it are applied by the runner. */
  options: OptionsSchema;
  /** Message templates by key; `{name}` placeholders are filled from the outcome's params. */
  messages: Record<Key, Localized>;
}

/**
 * What `run` returns: a status, a message key into `meta.messages`, and the facts behind it. `Key` is the
 * check's own message keys, so a key that does not exist is a compile error. A check returns `error` only
 * with `blockedBy`, when it can tell that it could not judge because of the environment (steps/succeeded
 * does); a check that throws is `error` too.
 */
export interface CheckOutcome<Key extends string = string> {
  status: VerdictStatus;
  blockedBy?: VerdictBlock;
  /** Defaults to 1 for pass, 0.5 for warn, 0 otherwise. */
  score?: number;
  message: Key;
  params?: MessageParams;
  evidence?: Evidence[];
  /**
   * Set when the outcome rests on facts read in the code rather than observed (checks/support/static-basis.ts says
   * when): the runner then marks the verdict static and says so in its message. An `error` outcome is allowed
   * here too: a value the code does not give as a constant "could not be judged".
   */
  static?: StaticBasis;
}

/** Everything a check may read. A check never starts a process or opens a file itself. */
export interface CheckContext<Options = Record<string, unknown>> extends CheckEvidence {
  options: Options;
  lang: Lang;
}

export interface CheckModule<Options = Record<string, unknown>, Key extends string = string> {
  meta: CheckMeta<Key>;
  run(ctx: CheckContext<Options>): Promise<CheckOutcome<Key>> | CheckOutcome<Key>;
}

/**
 * Identity helper that ties a check together for the compiler: the options type comes from `run`'s
 * parameter (`run(ctx: CheckContext<Options>)`), the message keys from `meta.messages`, and every outcome
 * `run` returns must name one of those keys (`message: 'pas'` for `pass` does not compile).
 */
export function defineCheck<Options, const Key extends string>(check: {
  meta: CheckMeta<Key>;
  run(ctx: CheckContext<Options>): Promise<CheckOutcome<NoInfer<Key>>> | CheckOutcome<NoInfer<Key>>;
}): CheckModule<Options, Key> {
  return check;
}
