import type { CapturedOutput } from './sandbox.js';

/** Default cap per stream: enough for any honest log, small enough that 100 MB of noise costs nothing. */
export const DEFAULT_OUTPUT_CAP_BYTES = 1024 * 1024;

/**
 * Keeps the first and last bytes of a stream within a cap, counting everything. The head says how a program
 * started and the tail how it ended (the traceback), so the middle is what gets dropped.
 * Shared by the sandbox backends so that a capped result looks the same whatever ran the process.
 */
export class OutputCapture {
  private readonly headCap: number;
  private readonly tailCap: number;
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  /** Ring of recent chunks; trimmed from the front once it holds more than `tailCap` bytes. */
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private total = 0;

  constructor(capBytes: number = DEFAULT_OUTPUT_CAP_BYTES) {
    this.headCap = Math.floor(capBytes / 2);
    this.tailCap = capBytes - this.headCap;
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    let rest = chunk;
    if (this.headBytes < this.headCap) {
      const take = Math.min(this.headCap - this.headBytes, rest.length);
      this.head.push(rest.subarray(0, take));
      this.headBytes += take;
      rest = rest.subarray(take);
    }
    if (rest.length === 0) return;
    // Copy: callers may reuse their buffers, and a subarray would pin a whole large chunk in memory.
    this.tail.push(Buffer.from(rest.subarray(Math.max(0, rest.length - this.tailCap))));
    this.tailBytes += Math.min(rest.length, this.tailCap);
    while (this.tailBytes - (this.tail[0]?.length ?? 0) >= this.tailCap && this.tail.length > 1) {
      this.tailBytes -= this.tail.shift()!.length;
    }
  }

  get bytes(): number {
    return this.total;
  }

  result(): CapturedOutput {
    let tail = Buffer.concat(this.tail);
    if (tail.length > this.tailCap) tail = tail.subarray(tail.length - this.tailCap);
    const dropped = this.total - this.headBytes - tail.length;
    const head = Buffer.concat(this.head).toString('utf8');
    const text = dropped > 0 ? `${head}\n[… ${dropped} bytes omitted …]\n${tail.toString('utf8')}` : head + tail.toString('utf8');
    return { text, bytes: this.total, truncated: dropped > 0 };
  }
}
