import type { HttpExchange } from './http-evidence.js';

/** Bytes of a body kept in the evidence; the rest is counted up to READ_LIMIT then the answer is dropped. */
export const BODY_CAP = 8 * 1024;
const READ_LIMIT = 2 * 1024 * 1024;
const KEPT_HEADERS = ['content-type', 'content-length', 'location', 'www-authenticate', 'server'];

export interface RequestSpec {
  purpose: string;
  method?: string;
  path: string;
  body?: { type: 'json'; value: unknown } | { type: 'form'; value: Record<string, string> } | { type: 'raw-json'; text: string };
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * One request to the team's app, always answered with a record: a refused connection or a time-out is an
 * exchange with `status: null` and `error`. Redirects are not followed (the app's answer is the evidence).
 */
export async function exchange(baseUrl: string, spec: RequestSpec): Promise<HttpExchange> {
  return (await exchangeKeeping(baseUrl, spec, BODY_CAP)).exchange;
}

/**
 * The same, keeping the body's text up to the read limit (2 MiB) beside the record, whose body stays capped: a
 * page is read whole (its charts are often base64 images far past the cap), only its start is evidence.
 */
export async function exchangePage(baseUrl: string, spec: RequestSpec): Promise<{ exchange: HttpExchange; text: string }> {
  return exchangeKeeping(baseUrl, spec, READ_LIMIT);
}

async function exchangeKeeping(baseUrl: string, spec: RequestSpec, keep: number): Promise<{ exchange: HttpExchange; text: string }> {
  const method = spec.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'text/html,application/json;q=0.9,*/*;q=0.5', ...spec.headers };
  let body: string | undefined;
  let requestType: HttpExchange['requestType'];
  if (spec.body?.type === 'json' || spec.body?.type === 'raw-json') {
    body = spec.body.type === 'json' ? JSON.stringify(spec.body.value) : spec.body.text;
    headers['content-type'] = 'application/json';
    requestType = 'json';
  } else if (spec.body?.type === 'form') {
    body = new URLSearchParams(spec.body.value).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
    requestType = 'form';
  }
  const startedAt = Date.now();
  const base = { purpose: spec.purpose, method, path: spec.path, ...(body !== undefined ? { requestBody: body.slice(0, BODY_CAP), requestType } : {}) };
  try {
    const response = await fetch(new URL(spec.path, baseUrl), { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(spec.timeoutMs ?? 15_000) });
    const { kept: whole, bytes } = await readCapped(response, keep);
    const text = whole.subarray(0, BODY_CAP).toString('utf8');
    const truncated = bytes > Math.min(whole.byteLength, BODY_CAP);
    const endedAt = Date.now();
    const kept: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) kept[name] = value.slice(0, 300);
    }
    return { exchange: { ...base, status: response.status, headers: kept, body: text, bodyBytes: bytes, truncated, durationMs: endedAt - startedAt, startedAt, endedAt }, text: whole.toString('utf8') };
  } catch (error) {
    const endedAt = Date.now();
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).name ?? String(error);
    return { exchange: { ...base, status: null, headers: {}, body: '', bodyBytes: 0, truncated: false, durationMs: endedAt - startedAt, error: String(why).slice(0, 200), startedAt, endedAt }, text: '' };
  }
}

async function readCapped(response: Response, keep: number): Promise<{ kept: Buffer; bytes: number }> {
  if (!response.body) return { kept: Buffer.alloc(0), bytes: 0 };
  const reader = response.body.getReader();
  const kept: Uint8Array[] = [];
  let keptBytes = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (keptBytes < keep) {
      const part = value.subarray(0, keep - keptBytes);
      kept.push(part);
      keptBytes += part.byteLength;
    }
    if (bytes > READ_LIMIT) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return { kept: Buffer.concat(kept), bytes };
}

/** The answer's JSON, when it is JSON. */
export function jsonOf(exchange: HttpExchange): unknown {
  if (exchange.truncated || !/json/.test(exchange.headers['content-type'] ?? '')) return undefined;
  try {
    return JSON.parse(exchange.body);
  } catch {
    return undefined;
  }
}
