import type { CapturedOutput } from './sandbox.js';

/** Default cap per stream: enough for any honest log, small enough that 100 MB of prints cannot hurt. */
export const DEFAULT_OUTPUT_CAP_BYTES = 1024 * 1024;

/**
 * Keeps the first and last halves of a stream within a byte cap. The head shows how a program started,
 * the tail shows how it ended (the traceback), and the middle of a flood is what nobody reads.
 */
export class OutputCapture {
  private readonly half: number;
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private total = 0;

  constructor(capBytes: number = DEFAULT_OUTPUT_CAP_BYTES) {
    this.half = Math.max(1, Math.floor(capBytes / 2));
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.headBytes < this.half) {
      const take = chunk.subarray(0, this.half - this.headBytes);
      this.head.push(take);
      this.headBytes += take.length;
      chunk = chunk.subarray(take.length);
    }
    if (chunk.length === 0) return;
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    // Trim only when the tail is well over budget, so a stream of small writes stays cheap.
    if (this.tailBytes > this.half * 2) this.trimTail();
  }

  result(): CapturedOutput {
    this.trimTail();
    const truncated = this.total > this.headBytes + this.tailBytes;
    const head = Buffer.concat(this.head).toString('utf8');
    const tail = Buffer.concat(this.tail).toString('utf8');
    const text = truncated
      ? `${head}\n… [${this.total - this.headBytes - this.tailBytes} bytes omitted / octets omis] …\n${tail}`
      : head + tail;
    return { text, bytes: this.total, truncated };
  }

  private trimTail(): void {
    let excess = this.tailBytes - this.half;
    while (excess > 0 && this.tail.length > 0) {
      const first = this.tail[0]!;
      if (first.length <= excess) {
        this.tail.shift();
        excess -= first.length;
        this.tailBytes -= first.length;
      } else {
        this.tail[0] = first.subarray(excess);
        this.tailBytes -= excess;
        excess = 0;
      }
    }
  }
}
