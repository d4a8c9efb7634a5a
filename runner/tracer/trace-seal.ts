import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The environment variable that hands a step's key to the tracer, which removes it before the candidate's code
 * runs (runner/tracer/python/mspr_tracer/handoff.py).
 */
export const TRACE_KEY_ENV = 'MSPR_TRACE_KEY';

const PREFIX = 'mspr-trace/1\n';
/** `,"mac":"` + 64 hex digits + `"}`: what the tracer puts in place of an event's closing brace. */
const SUFFIX_LENGTH = 8 + 64 + 2;
const MAC_OPEN = Buffer.from(',"mac":"');
const MAC_CLOSE = Buffer.from('"}');

/** A fresh 256-bit key, one per step: never written to disk or to a report. */
export function newTraceKey(): Buffer {
  return randomBytes(32);
}

/**
 * The line the tracer writes for an event's JSON (without the newline): the same computation as `seal.py`. The
 * runner only verifies; tests use this to write the lines a real tracer would.
 */
export function sealTraceLine(key: Buffer, step: string, eventJson: string): string {
  return `${eventJson.slice(0, -1)},"mac":"${macOf(key, step, Buffer.from(eventJson))}"}`;
}

/** What one line turned out to be: the event's JSON when the seal holds, or why it does not. */
export type OpenedLine =
  | { sealed: true; json: string; mac: string }
  | { sealed: false; reason: 'unsealed' | 'mismatch' };

/**
 * Checks one line's seal. `step` is the name of the step's trace folder, as the tracer saw it
 * (`MSPR_TRACE_DIR`'s last component). A line without a seal, or whose MAC was computed with another key
 * (another run, another step) or over other bytes (an edited value), is not sealed.
 */
export function openSealedLine(key: Buffer, step: string, line: Buffer): OpenedLine {
  const cut = line.length - SUFFIX_LENGTH;
  if (cut < 1 || !line.subarray(cut, cut + MAC_OPEN.length).equals(MAC_OPEN) || !line.subarray(line.length - 2).equals(MAC_CLOSE)) {
    return { sealed: false, reason: 'unsealed' };
  }
  const mac = line.subarray(cut + MAC_OPEN.length, line.length - 2).toString('latin1');
  if (!/^[0-9a-f]{64}$/.test(mac)) return { sealed: false, reason: 'unsealed' };
  const event = Buffer.concat([line.subarray(0, cut), Buffer.from('}')]);
  const expected = macOf(key, step, event);
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(mac))) return { sealed: false, reason: 'mismatch' };
  return { sealed: true, json: event.toString('utf8'), mac };
}

function macOf(key: Buffer, step: string, event: Buffer): string {
  return createHmac('sha256', key).update(PREFIX).update(step).update('\n').update(event).digest('hex');
}
