import { describe, expect, it } from 'vitest';
import { countOf, formatDuration, formatNumber, formatPercent, formatScore, frenchTypography, plural } from '../../runner/i18n/format.js';
import { interpolate, localize, t } from '../../runner/i18n.js';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('numbers, durations and plurals with Intl', () => {
  it('writes numbers with a decimal comma in French and a point in English, years and lines ungrouped', () => {
    expect(formatNumber(0.765, 'fr')).toBe('0,765');
    expect(formatNumber(0.765, 'en')).toBe('0.765');
    expect(formatNumber(2026, 'fr')).toBe('2026');
    expect(formatNumber(1234567, 'fr', { group: true })).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(formatNumber(1 / 3, 'fr')).toBe('0,3333');
  });

  it('writes percentages and scores as each language does', () => {
    expect(formatPercent(0.6, 'fr')).toBe(`60${NNBSP}%`);
    expect(formatPercent(0.6, 'en')).toBe('60%');
    expect(formatScore(19.75, 20, 'fr')).toBe('19,75/20');
    expect(formatScore(19.75, 20, 'en')).toBe('19.75/20');
  });

  it('writes durations from milliseconds to hours', () => {
    expect(formatDuration(0.7654, 'fr')).toBe('0,765 ms');
    expect(formatDuration(0.7654, 'en')).toBe('0.765 ms');
    expect(formatDuration(3100, 'fr')).toBe('3,1 s');
    expect(formatDuration(125_000, 'fr')).toBe('2 min 05 s');
    expect(formatDuration(3_720_000, 'en')).toBe('1 h 02 min');
    expect(formatDuration(Number.NaN, 'fr')).toBe('?');
  });

  it('picks plural forms by the language rules: French 0 and 1 are singular, English only 1', () => {
    expect(plural(0, 'fr', 'étape', 'étapes')).toBe('étape');
    expect(plural(0, 'en', 'step', 'steps')).toBe('steps');
    expect(countOf(3, 'fr', 'étape', 'étapes')).toBe('3 étapes');
    expect(countOf(1, 'en', 'step', 'steps')).toBe('1 step');
  });

  it('interpolates plural forms and localized numbers in message templates', () => {
    const pass = t('{total|L’étape s’est terminée|Les {total} étapes se sont terminées} sans erreur.', '{total|The step|All {total} steps} finished without error.');
    expect(localize(pass, { total: 1 })).toEqual({ fr: 'L’étape s’est terminée sans erreur.', en: 'The step finished without error.' });
    expect(localize(pass, { total: 3 })).toEqual({ fr: 'Les 3 étapes se sont terminées sans erreur.', en: 'All 3 steps finished without error.' });
    expect(interpolate('{ms} ms', { ms: 0.765 }, 'fr')).toBe('0,765 ms');
    // An unknown or non-numeric count leaves the template visible rather than guessing.
    expect(interpolate('{n|a|b}', {}, 'fr')).toBe('{n|a|b}');
  });

  it('makes the space before two-part punctuation unbreakable, leaving code, times, file:line and quoted exceptions alone', () => {
    expect(frenchTypography('Attendu : 3 ; trouvé 2 ! Pourquoi ?')).toBe(`Attendu${NBSP}: 3${NNBSP}; trouvé 2${NNBSP}! Pourquoi${NNBSP}?`);
    expect(frenchTypography('Exemples :')).toBe(`Exemples${NBSP}:`);
    expect(frenchTypography('etl.py:42, 12:30, https://x.fr, `a : b`, FileNotFoundError: x')).toBe('etl.py:42, 12:30, https://x.fr, `a : b`, FileNotFoundError: x');
  });
});
