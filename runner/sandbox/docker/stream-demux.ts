/**
 * Splits Docker's multiplexed attach stream (8-byte header: stream type, 3 zero bytes, big-endian length) into
 * stdout and stderr payloads. Written here rather than using docker-modem's `demuxStream` because that one
 * concatenates its whole pending buffer on every chunk, which is quadratic on 100 MB of output.
 */
export class StreamDemuxer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private frameType = -1;
  private frameLeft = 0;

  constructor(private readonly emit: (stream: 'stdout' | 'stderr', payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.frameLeft > 0) {
        const take = Math.min(this.frameLeft, chunk.length - offset);
        this.emit(this.frameType === 2 ? 'stderr' : 'stdout', chunk.subarray(offset, offset + take));
        this.frameLeft -= take;
        offset += take;
        continue;
      }
      // Collect a full header, which may straddle chunks.
      const need = 8 - this.pendingBytes;
      const part = chunk.subarray(offset, offset + need);
      this.pending.push(part);
      this.pendingBytes += part.length;
      offset += part.length;
      if (this.pendingBytes < 8) return;
      const header = Buffer.concat(this.pending);
      this.pending = [];
      this.pendingBytes = 0;
      this.frameType = header.readUInt8(0);
      this.frameLeft = header.readUInt32BE(4);
    }
  }
}
