/**
 * Whether decoded text is really bytes: a NUL, or more than 5 % control characters in its first 8 KiB.
 * A binary `requirements.txt` (a zip, an image renamed) decodes as Latin-1 into lines of noise that must not
 * count as packages.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return sample.length > 0 && controls / sample.length > 0.05;
}
