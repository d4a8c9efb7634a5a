import { describe, expect, it } from 'vitest';
import { decodeExit } from '../../runner/sandbox/docker/exec-status.js';
import { resourceName } from '../../runner/sandbox/docker/labels.js';
import { StreamDemuxer } from '../../runner/sandbox/docker/stream-demux.js';

function frame(type: number, payload: string): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(Buffer.byteLength(payload), 4);
  return Buffer.concat([header, Buffer.from(payload)]);
}

describe('docker attach stream', () => {
  it('demultiplexes frames split at any byte, headers included', () => {
    const wire = Buffer.concat([frame(1, 'hello '), frame(2, 'oops\n'), frame(1, 'world\n'), frame(2, '')]);
    for (let size = 1; size <= wire.length; size++) {
      const got = { stdout: '', stderr: '' };
      const demux = new StreamDemuxer((name, payload) => (got[name] += payload.toString()));
      for (let i = 0; i < wire.length; i += size) demux.push(wire.subarray(i, i + size));
      expect(got).toEqual({ stdout: 'hello world\n', stderr: 'oops\n' });
    }
  });

  it('decodes 128+N exit codes as signals, like the local backend reports them', () => {
    expect(decodeExit(0)).toEqual({ exitCode: 0, signal: null });
    expect(decodeExit(3)).toEqual({ exitCode: 3, signal: null });
    expect(decodeExit(137)).toEqual({ exitCode: null, signal: 'SIGKILL' });
    expect(decodeExit(143)).toEqual({ exitCode: null, signal: 'SIGTERM' });
    expect(decodeExit(null)).toEqual({ exitCode: null, signal: 'SIGKILL' });
    expect(decodeExit(255)).toEqual({ exitCode: 255, signal: null });
  });

  it('derives docker-safe resource names from any run id', () => {
    expect(resourceName('20261122-111101-bloc1-5d74', 'sandbox-a1')).toBe('mspr-20261122-111101-bloc1-5d74-sandbox-a1');
    expect(resourceName('équipe 3: «final»', 'net')).toMatch(/^mspr-[a-zA-Z0-9][a-zA-Z0-9_.-]*-net$/);
  });
});
