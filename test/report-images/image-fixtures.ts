import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A chart-like PNG: a white canvas with a few coloured bars, as matplotlib would save one. */
export async function chartPng(width: number, height: number): Promise<Buffer> {
  const bar = (left: number, colour: string) => ({ input: { create: { width: Math.round(width / 10), height: Math.round(height / 2), channels: 3 as const, background: colour } }, left: Math.round(left * width), top: Math.round(height / 3) });
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([bar(0.1, '#1f77b4'), bar(0.4, '#ff7f0e'), bar(0.7, '#2ca02c')])
    .png()
    .toBuffer();
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** One PNG chunk, with its length and CRC, so that decoders take it as genuine. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG's bytes with a chunk inserted after IHDR (e.g. a `tEXt` holding an author's name). */
export function withChunkAfterHeader(png: Buffer, chunk: Buffer): Buffer {
  const afterHeader = 8 + 4 + 4 + 13 + 4;
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

/** A valid little PNG whose header claims `width × height` pixels: a decompression bomb's first bytes. */
export function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.alloc(1024))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The chunk types of a PNG, in order. */
export function pngChunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    types.push(png.subarray(at + 4, at + 8).toString('latin1'));
    at += 12 + length;
  }
  return types;
}
