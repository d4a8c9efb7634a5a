import { basename } from 'node:path';
import { openSealedLine } from './trace-seal.js';

/** What a step's trace files are checked against: its key, its name, and the MACs already seen in it. */
export interface StepSeal {
  readonly key: Buffer;
  /** The name of the step's trace folder, which the tracer seals into every line. */
  readonly step: string;
  /** A line copied twice (in one file or two) counts once: its MAC is unique to its process, seq and time. */
  readonly seen: Set<string>;
}

export function stepSeal(key: Buffer, traceDir: string): StepSeal {
  return { key, step: basename(traceDir), seen: new Set() };
}

/** The authentic events of one file, and what was wrong with the others. */
export interface SealedLines {
  events: Array<{ line: number; event: Record<string, unknown> }>;
  /** Lines that are not events at all (an incomplete last line, invalid JSON). */
  problems: string[];
  /** Lines rejected or out of place: not written by this step's tracer, edited, repeated, moved or missing. */
  tampering: string[];
  /** How many lines were rejected (they never count as evidence). */
  rejected: number;
}

/** Per file, the first messages of tampering are kept; the rest is summed up in one line. */
const MESSAGES_PER_FILE = 8;

/**
 * Opens every line of one trace file. A line counts once if its seal holds, wherever it sits; what the seals
 * tell about the file's shape (a line before its process's `tracer_start`, a gap in `seq`, lines out of order,
 * a line of another process) is reported, since it means lines were moved or deleted. The tracer writes each
 * line with one `write`, so only the last line can be cut short (a process killed, a full disk): that is an
 * incomplete line, not tampering.
 */
export function readSealedLines(bytes: Buffer, path: string, seal: StepSeal): SealedLines {
  const result: SealedLines = { events: [], problems: [], tampering: [], rejected: 0 };
  const messages: string[] = [];
  const pidOfFile = /^events-(\d+)\.jsonl$/.exec(basename(path))?.[1];
  let expected: number | undefined;
  // A line rejected in place of an authentic one leaves a gap in seq that was already reported as rejected.
  let rejectedSinceLast = 0;
  const lines = splitLines(bytes);
  lines.forEach((line, index) => {
    const at = `${path}:${index + 1}`;
    if (line.length < 16 && line.toString('latin1').trim() === '') return;
    const opened = openSealedLine(seal.key, seal.step, line);
    if (!opened.sealed) {
      const partial = index === lines.length - 1 && !endsWithNewline(bytes);
      if (partial) result.problems.push(`${at}: incomplete last line (the process stopped while writing it)`);
      else {
        result.rejected += 1;
        rejectedSinceLast += 1;
        messages.push(`${at}: rejected: ${opened.reason === 'unsealed' ? 'no MAC: not written by the tracer of this step' : 'MAC does not match: edited, or copied from another run or step'}`);
      }
      return;
    }
    if (seal.seen.has(opened.mac)) {
      result.rejected += 1;
      messages.push(`${at}: rejected: a copy of a line already read in this step`);
      return;
    }
    seal.seen.add(opened.mac);
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(opened.json) as Record<string, unknown>;
    } catch (error) {
      result.problems.push(`${at}: ${(error as Error).message}`);
      return;
    }
    const { seq, pid, type } = event;
    if (pidOfFile !== undefined && pid !== Number(pidOfFile)) messages.push(`${at}: a line of process ${String(pid)} moved into this file`);
    if (type === 'tracer_start' && seq === 1) expected = 2;
    else if (typeof seq !== 'number') expected = undefined;
    else if (expected === undefined) {
      messages.push(`${at}: seq ${seq} comes before its process's tracer_start: lines were moved or deleted`);
      expected = seq + 1;
    } else if (seq === expected) expected += 1;
    else if (seq > expected) {
      if (seq - expected > rejectedSinceLast) messages.push(`${at}: seq ${expected}${seq - 1 > expected ? `–${seq - 1}` : ''} missing: lines deleted, or never written (full disk)`);
      expected = seq + 1;
    } else messages.push(`${at}: seq ${seq} after seq ${expected - 1}: lines out of order`);
    rejectedSinceLast = 0;
    result.events.push({ line: index + 1, event });
  });
  result.tampering = messages.length <= MESSAGES_PER_FILE ? messages : [...messages.slice(0, MESSAGES_PER_FILE), `${path}: … ${messages.length - MESSAGES_PER_FILE} more lines rejected or out of place`];
  return result;
}

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, at));
    start = at + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function endsWithNewline(bytes: Buffer): boolean {
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0a;
}
