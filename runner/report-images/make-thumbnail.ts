import sharp from 'sharp';
import { firstLineOf } from '../errors.js';
import { type Localized, t } from '../i18n.js';
import { formatNumber } from '../i18n/format.js';
import { IMAGE_LIMITS } from './image-limits.js';
import type { ThumbnailType } from './report-image.js';

// sharp (libvips) reads many formats: SVG through librsvg, PDF, TIFF, HEIF, GIF… A candidate's file named
// `.png` must reach only the PNG and JPEG parsers, from memory: every other loader is blocked, for the whole
// process (sharp is used for nothing else).
sharp.block({ operation: ['VipsForeignLoad'] });
sharp.unblock({ operation: ['VipsForeignLoadPngBuffer', 'VipsForeignLoadJpegBuffer'] });

export interface Thumbnail {
  type: ThumbnailType;
  data: Buffer;
  width: number;
  height: number;
  originalWidth: number;
  originalHeight: number;
}

export type ThumbnailOutcome = { ok: true; thumbnail: Thumbnail } | { ok: false; reason: Localized };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A thumbnail of a PNG or JPEG image, re-encoded from its pixels: no byte of the original reaches the report
 * (no metadata, no text chunk, no trailing data), the orientation its EXIF asked for applied first. What is
 * not PNG or JPEG by its first bytes, whatever its name, is refused before any decoder sees it, and so is an
 * image claiming more pixels than the cap.
 */
export async function makeThumbnail(bytes: Buffer): Promise<ThumbnailOutcome> {
  const format = sniffFormat(bytes);
  if (format !== 'png' && format !== 'jpeg') {
    return { ok: false, reason: t(`ni PNG ni JPEG (format : ${format ?? 'inconnu'}) ; seules ces images sont montrées`, `neither PNG nor JPEG (format: ${format ?? 'unknown'}); only those images are shown`) };
  }
  try {
    const image = sharp(bytes, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'error', sequentialRead: true });
    const meta = await image.metadata();
    if (meta.format !== format || !meta.width || !meta.height) return { ok: false, reason: unreadable(format, t('en-tête incohérent', 'inconsistent header')) };
    const edge = IMAGE_LIMITS.thumbnailEdge;
    const resized = image.rotate().resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true }).timeout({ seconds: IMAGE_LIMITS.timeoutSeconds });
    // Charts and pages have few colours: a palette PNG keeps text sharp at a fraction of the size.
    const encoded = format === 'png' ? resized.png({ palette: true, compressionLevel: 9 }) : resized.jpeg({ quality: 80, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { ok: true, thumbnail: { type: format === 'png' ? 'image/png' : 'image/jpeg', data, width: info.width, height: info.height, originalWidth: meta.width, originalHeight: meta.height } };
  } catch (error) {
    const message = firstLineOf(error);
    if (/pixel limit/i.test(message)) {
      const millions = IMAGE_LIMITS.maxPixels / 1e6;
      return { ok: false, reason: t(`image de plus de ${formatNumber(millions, 'fr')} millions de pixels, non décodée`, `image over ${formatNumber(millions, 'en')} million pixels, not decoded`) };
    }
    return { ok: false, reason: unreadable(format, t(`le décodeur dit « ${message} »`, `the decoder says “${message}”`)) };
  }
}

function unreadable(format: 'png' | 'jpeg', why: Localized): Localized {
  const name = format.toUpperCase();
  return t(`${name} illisible (${why.fr})`, `unreadable ${name} (${why.en})`);
}

/** The format a file's first bytes say, whatever its name; undefined when none of the known ones. */
export function sniffFormat(bytes: Buffer): 'png' | 'jpeg' | 'SVG' | 'PDF' | 'GIF' | 'WebP' | 'TIFF' | 'PostScript' | undefined {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const head = bytes.subarray(0, 512).toString('latin1');
  if (head.startsWith('%PDF')) return 'PDF';
  if (head.startsWith('%!PS')) return 'PostScript';
  if (head.startsWith('GIF8')) return 'GIF';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'WebP';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'TIFF';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'SVG';
  return undefined;
}
