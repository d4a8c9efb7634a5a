/**
 * Secrets recognisable by their shape, wherever they appear: what a candidate's code may print from its own
 * configuration. Each format replaces the secret part only (a URL keeps its scheme, user and host).
 */
export interface SecretFormat {
  /** Shown in docs and tests, never in reports. */
  name: string;
  pattern: RegExp;
  /** Which capture groups may hold the secret, the first that matched wins (none: the whole match). */
  groups?: number[];
  /** A match that is not a secret after all (code, a placeholder, a commit hash). */
  reject?: (secret: string, after: string) => boolean;
}

/** `password`, `DB_PASSWORD`, `api-key`, `SECRET_KEY`, `auth_token`…: the whole name or one `_`/`-` part of it. */
export const SECRET_NAME =
  /^(?:[a-z0-9]+[_-])*(?:pass|passwd|password|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret|auth|credentials?)(?:[_-][a-z0-9]+)*$/i;

const NAME_IN_TEXT =
  /\b((?:[A-Za-z0-9]+[_-])*(?:pass|passwd|password|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?token|credentials?)(?:[_-][A-Za-z0-9]+)*["']?\s*[:=]\s*)(?:(["'])([^"'\n]{4,})(?=\2)|([^\s"'`,;&(){}[\]]{4,}))/gi;

/** Values after `password =` that are code or placeholders, not secrets. */
function isCodeOrPlaceholder(value: string, after: string): boolean {
  if (after.startsWith('(') || after.startsWith('[')) return true; // getpass(), os.environ["…"]
  if (/^(?:none|null|nil|true|false|undefined|required|optional|str|string|int|bytes)$/i.test(value)) return true;
  if (/^(?:\*+|x+|\.+|<[^>]*>?|\$\{?.*|%\(?.*|\{.*)$/i.test(value)) return true; // ***, <password>, ${VAR}, %(x)s, {x}
  return /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(value); // os.environ, settings.DB_PASSWORD
}

/** A 40-character AWS secret access key: mixed case and digits, not a path or a hex digest. */
function notAwsSecret(value: string): boolean {
  return !(/[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value)) || value.includes('//') || (value.match(/\//g)?.length ?? 0) > 3 || /^\/|\/$/.test(value);
}

export const SECRET_FORMATS: readonly SecretFormat[] = [
  { name: 'private key block', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g },
  { name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b/g },
  { name: 'AWS secret access key', pattern: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, reject: notAwsSecret },
  { name: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { name: 'GitLab token', pattern: /\bgl(?:pat|dt|rt|cbt|ptt|soat|ffct|oas|imt)-[A-Za-z0-9_-]{20,}/g },
  { name: 'Slack token', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}/g },
  // OpenAI-style keys (`sk-…`, `sk-proj-…`, Anthropic's `sk-ant-…`): the prefix and a long random tail.
  { name: 'OpenAI-style API key', pattern: /\bsk-(?:[a-z]+-)?[A-Za-z0-9_-]{20,}/g },
  { name: 'Slack webhook', pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+/g },
  { name: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g },
  {
    name: 'password in a URL',
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@'"]*:)([^\s@/'"]+)(?=@)/gi,
    groups: [2],
    reject: (value) => /^(?:\*+|x+|\$\{?.*|%\(?.*|\{.*|<.*)$/i.test(value),
  },
  { name: 'password assignment', pattern: NAME_IN_TEXT, groups: [3, 4], reject: isCodeOrPlaceholder },
];
