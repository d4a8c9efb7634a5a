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
export interface CheckMeta {
  /** `family/name`, e.g. `db/rows-match-source`. */
  id: string;
  title: Localized;
  /** Criterion refs, `framework:code`, e.g. `cdp-data-ia:C1.9`. */
  criteria: string[];
  evidence: EvidenceKind[];
  /** Options schema; `default` values in it are applied by the runner. */
  options: OptionsSchema;
  /** Message templates by key; `{name}` placeholders are filled from the outcome's params. */
  messages: Record<string, Localized>;
}

/**
 * What `run` returns: a status, a message key into `meta.messages`, and the facts behind it. A check
 * returns `error` only with `blockedBy`, when it can tell that it could not judge because of the
 * environment (steps/succeeded does); a check that throws is `error` too.
 */
export interface CheckOutcome {
  status: VerdictStatus;
  blockedBy?: VerdictBlock;
  /** Defaults to 1 for pass, 0.5 for warn, 0 otherwise. */
  score?: number;
  message: string;
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

export interface CheckModule<Options = Record<string, unknown>> {
  meta: CheckMeta;
  run(ctx: CheckContext<Options>): Promise<CheckOutcome> | CheckOutcome;
}

/** Identity helper that keeps the options type attached to a check definition. */
export function defineCheck<Options>(check: CheckModule<Options>): CheckModule<Options> {
  return check;
}
