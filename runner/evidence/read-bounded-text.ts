import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { decodeText } from './decode-text.js';

/** 1 MiB: a scenario or an `mspr.yaml` is a few kilobytes; anything near this is a mistake or an attack. */
export const MAX_DESCRIPTOR_BYTES = 1024 * 1024;

export type BoundedText =
  | { ok: true; text: string; encoding: ReturnType<typeof decodeText>['encoding'] }
  | { ok: false; reason: 'too-large'; bytes: number }
  | { ok: false; reason: 'not-a-file' };

/**
 * Reads a small text file (scenario, manifest) in whatever encoding it was saved in (UTF-8 with or
 * without BOM, UTF-16 with BOM…), without ever holding more than `maxBytes`: the size is read from the open
 * file before any byte, and reading stops at the cap even if the file grows meanwhile. A FIFO or device
 * is refused without blocking (opened non-blocking, then checked to be a regular file).
 */
export function readBoundedText(path: string, maxBytes = MAX_DESCRIPTOR_BYTES): BoundedText {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, reason: 'not-a-file' };
    if (info.size > maxBytes) return { ok: false, reason: 'too-large', bytes: info.size };
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length <= maxBytes) {
      const read = readSync(fd, buffer, length, maxBytes + 1 - length, length);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { ok: false, reason: 'too-large', bytes: length };
    const { text, encoding } = decodeText(buffer.subarray(0, length));
    return { ok: true, text, encoding };
  } finally {
    closeSync(fd);
  }
}

/** `30.0 MB`, `1.0 MiB`: sizes as a user reads them in an error. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
