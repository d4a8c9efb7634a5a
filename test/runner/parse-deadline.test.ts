import { describe, expect, it } from 'vitest';
import { deadlineAssumption, parseDeadline } from '../../runner/submission/parse-deadline.js';

describe('--deadline: ISO 8601 only, Paris time when no offset is given', () => {
  it.each([
    ['2026-06-30T23:59', '2026-06-30T23:59:00+02:00', '2026-06-30T21:59:00.000Z'],
    ['2026-01-15T12:00', '2026-01-15T12:00:00+01:00', '2026-01-15T11:00:00.000Z'],
    ['2026-06-30', '2026-06-30T23:59:59+02:00', '2026-06-30T21:59:59.000Z'],
    ['2026-06-30T23:59:00+02:00', '2026-06-30T23:59:00+02:00', '2026-06-30T21:59:00.000Z'],
    ['2026-06-30T21:59:59Z', '2026-06-30T21:59:59+00:00', '2026-06-30T21:59:59.000Z'],
    ['2026-06-30T18:29:00.5-0530', '2026-06-30T18:29:00-05:30', '2026-06-30T23:59:00.000Z'],
    ['2028-02-29T08:00', '2028-02-29T08:00:00+01:00', '2028-02-29T07:00:00.000Z'],
    // The hour that happens twice in October: the later instant (+01:00).
    ['2026-10-25T02:30', '2026-10-25T02:30:00+01:00', '2026-10-25T01:30:00.000Z'],
  ])('%s → %s', (input, iso, utc) => {
    const deadline = parseDeadline(input);
    expect(deadline.iso).toBe(iso);
    expect(new Date(deadline.epochSeconds * 1000).toISOString()).toBe(utc);
  });

  it.each([
    ['2026-06-31T23:59', 'day 31 does not exist in month 6 of 2026'],
    ['2026-02-29', 'day 29 does not exist in month 2 of 2026'],
    ['2026-13-01', 'day 1 does not exist in month 13 of 2026'],
    ['not-a-date', 'it is not an ISO 8601 date'],
    ['05/06/2026', 'it is not an ISO 8601 date'],
    ['2026-06-30 23:59', 'it is not an ISO 8601 date'],
    ['2026-06-30Z', 'it is not an ISO 8601 date'],
    ['2026', 'it is not an ISO 8601 date'],
    ['2026-06-30T24:00', 'the time is outside 00:00:00–23:59:59'],
    ['2026-06-30T23:59+15:00', 'impossible UTC offset: +15:00'],
    ['2026-03-29T02:30', 'this time does not exist in Paris (clocks go forward)'],
  ])('%s is refused: %s', (input, why) => {
    let error: unknown;
    try {
      parseDeadline(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'MSPR_USAGE', text: { en: `--deadline "${input}" refused: ${why}.` } });
    expect((error as { hint: { en: string; fr: string } }).hint.en).toContain('2026-06-30T23:59 (Europe/Paris)');
    expect((error as { text: { fr: string } }).text.fr).toContain('refusée');
  });

  it('states what it assumed, and nothing when the offset is explicit', () => {
    expect(deadlineAssumption(parseDeadline('2026-06-30T23:59'))?.en).toBe(
      'Deadline "2026-06-30T23:59" read as 2026-06-30T23:59:00+02:00 (2026-06-30T21:59:00Z), no time zone given: Paris time (Europe/Paris).',
    );
    expect(deadlineAssumption(parseDeadline('2026-06-30'))?.fr).toBe(
      'Échéance « 2026-06-30 » lue comme 2026-06-30T23:59:59+02:00 (2026-06-30T21:59:59Z), sans fuseau : heure de Paris (Europe/Paris) ; une date seule désigne la fin de ce jour (23:59:59).',
    );
    expect(deadlineAssumption(parseDeadline('2026-06-30T23:59:00+02:00'))).toBeUndefined();
  });
});
