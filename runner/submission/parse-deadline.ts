import { MsprError } from '../errors.js';
import { type Localized, t } from '../i18n.js';

/** The time zone of a deadline written without an offset: French certification sessions run on Paris time. */
export const DEADLINE_ZONE = 'Europe/Paris';

/** A `--deadline` read strictly. */
export interface Deadline {
  /** What the user wrote. */
  input: string;
  /** The same instant in ISO 8601 with an explicit offset (`2026-06-30T23:59:00+02:00`): what the report states. */
  iso: string;
  /** Seconds since the epoch: what git is asked (`--before=@<seconds>`), with no date parsing left to git. */
  epochSeconds: number;
  /** Set when the input had no offset and {@link DEADLINE_ZONE} was assumed. */
  assumedZone: boolean;
  /** Set when only a date was given: the deadline is the end of that day (23:59:59). */
  dateOnly: boolean;
}

// Extended ISO 8601 only: a date, or a date and a time (minutes, optional seconds and fraction), with an
// optional offset (`Z`, `±HH:MM`, `±HHMM`, `±HH`). Week and ordinal dates, bare years and `24:00` are refused.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export const DEADLINE_EXAMPLE = '2026-06-30T23:59 (Europe/Paris), 2026-06-30T23:59:00+02:00, 2026-06-30';

/**
 * Parses a deadline: ISO 8601 date or date-time, calendar-checked (`2026-06-31` is refused, not rolled over
 * to 1 July). Without an offset the time is Paris time, read with the time-zone data Node carries (`Intl`:
 * no date library needed for one fixed zone); a Paris time that does not exist (the hour skipped in March)
 * is refused, one that happens twice (October) is the later one — the candidate gets the benefit.
 * Throws `MSPR_USAGE` with an example otherwise.
 */
export function parseDeadline(input: string): Deadline {
  const match = ISO.exec(input.trim());
  if (!match) throw invalid(input, t('ce n’est pas une date ISO 8601', 'it is not an ISO 8601 date'));
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dateOnly = match[4] === undefined;
  const [hour, minute, second] = dateOnly ? [23, 59, 59] : [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    throw invalid(input, t(`le ${day} n’existe pas dans le mois ${month} de ${year}`, `day ${day} does not exist in month ${month} of ${year}`));
  }
  if (hour > 23 || minute > 59 || second > 59) throw invalid(input, t('l’heure est hors de 00:00:00–23:59:59', 'the time is outside 00:00:00–23:59:59'));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const zone = match[7];
  const offsetMinutes = zone === undefined ? parisOffset(input, wall) : explicitOffset(input, zone);
  const epochSeconds = (wall - offsetMinutes * 60_000) / 1000;
  const local = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  return { input, iso: `${local}${formatOffset(offsetMinutes)}`, epochSeconds, assumedZone: zone === undefined, dateOnly };
}

/** What the report's assumptions say about a deadline, when something had to be assumed. */
export function deadlineAssumption(deadline: Deadline): Localized | undefined {
  if (!deadline.assumedZone && !deadline.dateOnly) return undefined;
  const utc = new Date(deadline.epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
  const day = deadline.dateOnly ? t(' ; une date seule désigne la fin de ce jour (23:59:59)', '; a date alone means the end of that day (23:59:59)') : t('', '');
  const zone = deadline.assumedZone ? t(`, sans fuseau : heure de Paris (${DEADLINE_ZONE})`, `, no time zone given: Paris time (${DEADLINE_ZONE})`) : t('', '');
  return t(
    `Échéance « ${deadline.input} » lue comme ${deadline.iso} (${utc})${zone.fr}${day.fr}.`,
    `Deadline "${deadline.input}" read as ${deadline.iso} (${utc})${zone.en}${day.en}.`,
  );
}

function explicitOffset(input: string, zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (hours > 14 || minutes > 59) throw invalid(input, t(`décalage horaire impossible : ${zone}`, `impossible UTC offset: ${zone}`));
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * The Paris offset (minutes) for a wall-clock time given as if it were UTC. The candidates are the offsets
 * in force a day before and a day after; one is right unless the time falls in a change of hour.
 */
function parisOffset(input: string, wall: number): number {
  const candidates = [...new Set([offsetAt(wall - 86_400_000), offsetAt(wall + 86_400_000)])];
  const valid = candidates.filter((offset) => offsetAt(wall - offset * 60_000) === offset);
  if (valid.length === 0) {
    throw invalid(input, t('cette heure n’existe pas à Paris (passage à l’heure d’été)', 'this time does not exist in Paris (clocks go forward)'));
  }
  // Two valid offsets: the hour happens twice; the smaller offset is the later instant.
  return Math.min(...valid);
}

const parisClock = new Intl.DateTimeFormat('en-US', {
  timeZone: DEADLINE_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Paris is ahead of UTC at an instant. */
function offsetAt(epochMs: number): number {
  const parts = Object.fromEntries(parisClock.formatToParts(new Date(epochMs)).map((part) => [part.type, Number(part.value)]));
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return '+00:00';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function invalid(input: string, why: Localized): MsprError {
  return new MsprError(
    'MSPR_USAGE',
    t(`--deadline « ${input} » refusée : ${why.fr}.`, `--deadline "${input}" refused: ${why.en}.`),
    {
      hint: t(
        `Donnez une date ISO 8601 : ${DEADLINE_EXAMPLE} (sans fuseau, c’est l’heure de Paris ; une date seule vaut 23:59:59 ce jour-là).`,
        `Give an ISO 8601 date: ${DEADLINE_EXAMPLE} (without a time zone it is Paris time; a date alone means 23:59:59 that day).`,
      ),
    },
  );
}
