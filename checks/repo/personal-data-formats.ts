/** The kinds of personal data this check recognises, as named in evidence (the same in both languages). */
export type PersonalKind = 'e-mail' | 'phone' | 'NIR' | 'IBAN';

/** One value recognised: its kind and how it may be shown (masked). The value itself is never returned. */
export interface PersonalMatch {
  kind: PersonalKind;
  masked: string;
}

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/**
 * 0X XX XX XX XX, +33 X XX…, 0033…, separators space, dot or dash. Not inside a word: a hex digest holds runs of ten
 * digits (`…ab0212345618cd…`) that are no phone number.
 */
const PHONE = /(?<![\dA-Za-z+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?![\dA-Za-z])/g;
/** A phone stored as a number loses its leading 0: nine digits from 1 to 9 first, in a column named so. */
const PHONE_AS_NUMBER = /^[1-9]\d{8}$/;
const PHONE_COLUMN = /t[eé]l|phone|portable|mobile|gsm|fixe/i;
/** Sex, year, month (01–12, 20–42 or 50–99 for some registrations), department (or 2A/2B), commune, order, key. */
const NIR = /(?<![\dA-Za-z])[1-478][\s.]?\d{2}[\s.]?(?:0[1-9]|1[0-2]|[2-4]\d|[5-9]\d)[\s.]?(?:\d{2}|2[AaBb])[\s.]?\d{3}[\s.]?\d{3}[\s.]?\d{2}(?![\dA-Za-z])/g;
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g;

/** Every personal value of one cell, masked; nothing for hashes, uuids and values already masked (`j***@x.fr`). */
export function personalValues(value: string, column: string): PersonalMatch[] {
  const found: PersonalMatch[] = [];
  for (const match of value.matchAll(EMAIL)) found.push({ kind: 'e-mail', masked: maskEmail(match[0]) });
  for (const match of value.matchAll(NIR)) if (validNir(match[0])) found.push({ kind: 'NIR', masked: maskKeep(compact(match[0]), 1, 0) });
  for (const match of value.matchAll(IBAN)) if (validIban(match[0])) found.push({ kind: 'IBAN', masked: maskKeep(compact(match[0]), 2, 0) });
  const nirSpans = found.some((f) => f.kind === 'NIR' || f.kind === 'IBAN');
  if (!nirSpans) for (const match of value.matchAll(PHONE)) found.push({ kind: 'phone', masked: maskKeep(compact(match[0]), 2, 2) });
  if (found.length === 0 && PHONE_COLUMN.test(column) && PHONE_AS_NUMBER.test(value.trim())) found.push({ kind: 'phone', masked: maskKeep(value.trim(), 1, 2) });
  return found;
}

/**
 * The NIR's key is 97 − (its first 13 digits mod 97); Corsica's 2A and 2B count as 19 and 18 for it. A string
 * of 15 digits that fails the key is an identifier of something else.
 */
export function validNir(text: string): boolean {
  const nir = compact(text).toUpperCase();
  if (nir.length !== 15) return false;
  const digits = nir.slice(0, 13).replace(/^(\d{5})2A/, '$119').replace(/^(\d{5})2B/, '$118');
  if (!/^\d{13}$/.test(digits)) return false;
  return 97 - Number(BigInt(digits) % 97n) === Number(nir.slice(13));
}

/** ISO 13616: the first four characters moved to the end, letters as 10–35, the number mod 97 is 1. */
export function validIban(text: string): boolean {
  const iban = compact(text).toUpperCase();
  if (iban.length < 15 || iban.length > 34 || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  return rest === 1;
}

function compact(text: string): string {
  return text.replace(/[\s.-]/g, '');
}

/** `jean.dupont@ecole.fr` → `j***@e***.fr`: enough to see what it is, not whose it is. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const dot = domain.lastIndexOf('.');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${dot >= 0 ? domain.slice(dot) : ''}`;
}

function maskKeep(text: string, head: number, tail: number): string {
  return `${text.slice(0, head)}${'*'.repeat(Math.max(text.length - head - tail, 3))}${tail > 0 ? text.slice(-tail) : ''}`;
}
