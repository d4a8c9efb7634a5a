import { parse } from 'dotenv';
import { isEnvFile, isSecretEntry } from '../../runner/redaction/env-file-secrets.js';
import { SECRET_FORMATS, type SecretFormat } from '../../runner/redaction/secret-formats.js';

/** One secret found: where and what kind, never the value. */
export interface SecretFinding {
  file: string;
  /** 1-based line in the file, or in the notebook cell's source or output text. */
  line: number;
  /** 1-based notebook cell, and whether the secret is in the cell's code or in what it printed. */
  cell?: number;
  in?: 'source' | 'output';
  /** The format's name (`AWS access key id`, `password in a URL`…) or `.env value`. */
  kind: string;
  /** The variable's name for a `.env` entry: names are not secrets, and say what leaked. */
  name?: string;
}

/**
 * The formats this check reports. `password assignment` (any `password = "…"` in code) and the bare 40-character
 * AWS secret shape are left to the redactor: in code and notebooks they match test fixtures and base64 too often
 * to fail a team on them; the AWS secret counts only on a line that names AWS or a secret.
 */
const REPORTED = SECRET_FORMATS.filter((format) => format.name !== 'password assignment');
const AWS_SECRET = 'AWS secret access key';

/** Values a team writes to say "put yours here": not a leak. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (v.length === 0) return true;
  if (/^(?:\*+|x+|\.+|-+|_+|<[^>]*>|\[[^\]]*\]|\$\{?.*|%\(?.*|\{\{?.*)$/i.test(v)) return true;
  return /^(?:change[_-]?me|changeit|password|passwd|pass|secret|token|example|placeholder|todo|tbd|none|null|dummy|fake|test|replace[_-]?me|to[_-]?be[_-]?defined|a[_-]?remplir|your[_-].*|votre[_-].*|.*[_-]here|.*[_-]ici|sk-x+|xxx.*)$/i.test(v);
}

/**
 * A token of the right shape that is a template, not a key: `ghp_xxxx…`, `AKIAXXXXXXXXXXXXXXXX`, AWS's documented
 * `AKIAIOSFODNN7EXAMPLE` — few distinct characters, or the word EXAMPLE.
 */
function looksFilledIn(secret: string): boolean {
  if (/example|sample|dummy|placeholder/i.test(secret)) return true;
  return new Set(secret.replace(/^(?:[a-z]+[_-]|AKIA|ASIA)/i, '')).size < 5;
}

/** Secrets of the known formats in one text, line by line. */
export function scanText(file: string, text: string, where?: { cell: number; in: 'source' | 'output' }): SecretFinding[] {
  const findings: SecretFinding[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const format of REPORTED) {
      if (format.name === AWS_SECRET && !/aws|secret/i.test(line)) continue;
      if (matches(format, line)) findings.push({ file, line: index + 1, ...where, kind: format.name });
    }
  });
  return findings;
}

/** Whether a format finds a secret in the line that is neither rejected by the format nor a placeholder. */
function matches(format: SecretFormat, line: string): boolean {
  for (const match of line.matchAll(new RegExp(format.pattern.source, format.pattern.flags))) {
    const secret = format.groups ? format.groups.map((n) => match[n]).find((g) => g !== undefined) : match[0];
    if (!secret) continue;
    if (format.reject?.(secret, line.slice(match.index! + match[0].length))) continue;
    if (format.name === 'password in a URL' && isPlaceholder(secret)) continue;
    if (format.name !== 'private key block' && looksFilledIn(secret)) continue;
    return true;
  }
  return false;
}

/** The entries of a `.env` that hold a real secret (a secret's name or a random-looking value, not a placeholder). */
export function scanEnvFile(file: string, text: string): SecretFinding[] {
  const lines = text.split(/\r?\n/);
  const findings: SecretFinding[] = [];
  for (const [name, value] of Object.entries(parse(text))) {
    // A long value of few characters is a token template (`ghp_xxxx…`); a short one may be a real weak password (`root`).
    if (!isSecretEntry(name, value) || isPlaceholder(value) || (value.length >= 16 && looksFilledIn(value))) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const declared = new RegExp(`^\\s*(?:export\\s+)?${escaped}\\s*[=:]`);
    // The last declaration wins in dotenv too.
    const line = lines.map((text, i) => (declared.test(text) ? i + 1 : 0)).filter(Boolean).pop() ?? 1;
    findings.push({ file, line, kind: '.env value', name });
  }
  return findings;
}

/** Code and text outputs of a notebook, by cell; images (base64) are not text a team wrote. */
export function scanNotebook(file: string, text: string): SecretFinding[] {
  let notebook: { cells?: Array<{ source?: unknown; outputs?: Array<Record<string, unknown>> }> };
  try {
    notebook = JSON.parse(text);
  } catch {
    return scanText(file, text); // not JSON: read it as the text it is
  }
  const findings: SecretFinding[] = [];
  (Array.isArray(notebook.cells) ? notebook.cells : []).forEach((cell, index) => {
    findings.push(...scanText(file, joined(cell.source), { cell: index + 1, in: 'source' }));
    for (const output of Array.isArray(cell.outputs) ? cell.outputs : []) {
      const data = (output.data ?? {}) as Record<string, unknown>;
      const texts = [output.text, data['text/plain'], data['text/html'], data['application/json'], output.traceback, output.evalue];
      const printed = texts.map(joined).filter((t) => t.length > 0).join('\n');
      findings.push(...scanText(file, printed, { cell: index + 1, in: 'output' }));
    }
  });
  return findings;
}

function joined(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((part) => (typeof part === 'string' ? part : '')).join(/\n$/.test(String(value[0] ?? '')) ? '' : '\n');
  if (value && typeof value === 'object') return JSON.stringify(value, null, 1);
  return '';
}

export { isEnvFile };
