import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeThumbnail, sniffFormat } from '../../runner/report-images/make-thumbnail.js';
import { chartPng, pngChunk, pngChunkTypes, pngClaiming, withChunkAfterHeader } from './image-fixtures.js';

describe('makeThumbnail: pixels re-encoded, nothing else of the team’s file', () => {
  it('a large PNG with a text chunk and bytes after its end: a 720-pixel palette PNG holding neither', async () => {
    const png = withChunkAfterHeader(await chartPng(1600, 1000), pngChunk('tEXt', Buffer.from('Author\0Jean Dupont', 'latin1')));
    const outcome = await makeThumbnail(Buffer.concat([png, Buffer.from('TRAILING-BYTES')]));
    if (!outcome.ok) throw new Error(outcome.reason.en);
    const { type, width, height, originalWidth, originalHeight, data } = outcome.thumbnail;
    expect({ type, width, height, originalWidth, originalHeight }).toEqual({ type: 'image/png', width: 720, height: 450, originalWidth: 1600, originalHeight: 1000 });
    expect(pngChunkTypes(data)).toEqual(['IHDR', 'PLTE', 'pHYs', 'IDAT', 'IEND']);
    expect(data.includes('Dupont')).toBe(false);
    expect(data.includes('TRAILING')).toBe(false);
  });

  it('a small PNG is not enlarged', async () => {
    const outcome = await makeThumbnail(await chartPng(320, 240));
    expect(outcome.ok && [outcome.thumbnail.width, outcome.thumbnail.height]).toEqual([320, 240]);
  });

  it('a JPEG loses its EXIF (author, copyright) and is turned the way its orientation says', async () => {
    const jpeg = await sharp(await chartPng(800, 400)).withExif({ IFD0: { Artist: 'Jean Dupont', Copyright: 'Equipe 4' } }).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(jpeg.includes('Dupont')).toBe(true);
    const outcome = await makeThumbnail(jpeg);
    if (!outcome.ok) throw new Error(outcome.reason.en);
    expect([outcome.thumbnail.type, outcome.thumbnail.width, outcome.thumbnail.height]).toEqual(['image/jpeg', 360, 720]);
    expect(outcome.thumbnail.data.includes('Dupont')).toBe(false);
    expect(outcome.thumbnail.data.includes('Exif')).toBe(false);
  });

  it('an SVG named .png never reaches a decoder; GIF and PDF are named', async () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>');
    expect(await makeThumbnail(svg)).toEqual({ ok: false, reason: { fr: 'ni PNG ni JPEG (format : SVG) ; seules ces images sont montrées', en: 'neither PNG nor JPEG (format: SVG); only those images are shown' } });
    expect(sniffFormat(await sharp(await chartPng(10, 10)).gif().toBuffer())).toBe('GIF');
    expect(sniffFormat(Buffer.from('%PDF-1.7\n'))).toBe('PDF');
    expect(await makeThumbnail(Buffer.from('hello'))).toEqual({ ok: false, reason: { fr: 'ni PNG ni JPEG (format : inconnu) ; seules ces images sont montrées', en: 'neither PNG nor JPEG (format: unknown); only those images are shown' } });
  });

  it('a PNG claiming 100 000 × 100 000 pixels is refused before it is decoded', async () => {
    expect(await makeThumbnail(pngClaiming(100_000, 100_000))).toEqual({ ok: false, reason: { fr: 'image de plus de 40 millions de pixels, non décodée', en: 'image over 40 million pixels, not decoded' } });
  });

  it('a cut PNG is unreadable, with the decoder’s words', async () => {
    const outcome = await makeThumbnail((await chartPng(400, 300)).subarray(0, 200));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason.fr).toMatch(/^PNG illisible \(le décodeur dit « .+ »\)$/);
  });
});
