import * as z from 'zod/mini';

/**
 * The largest |epoch ms| a JavaScript Date can hold (±100 000 000 days around 1970). Beyond it,
 * `new Date(t)` is "Invalid Date" and every formatter and bucket throws "Invalid time value".
 */
export const MAX_EPOCH_MS = 8.64e15;

export const EPOCH_MS_MESSAGE = `must be a number of epoch milliseconds within the Date range (|t| ≤ ${MAX_EPOCH_MS})`;

/**
 * The one check every ingest path applies to an instant (objects, CSV, columnar and binary pages):
 * finite and inside the Date range. Exported so each wire path validates the same way.
 */
export function isEpochMs(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_EPOCH_MS;
}

/**
 * True when the calendar and clock components name a real moment: month 1–12, the day inside
 * that month (leap years counted), hour 0–23 (24:00 is not accepted), minute and second 0–59.
 * `Date.UTC` and `Date.parse` silently roll impossible values over (Feb 31 → Mar 3), which moves a
 * record to another day instead of reporting it.
 */
export function isRealDateTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth;
}

// A date (and time) at the start of a string, zoned or not: enough to tell an impossible one.
const DATE_TIME_PARTS = /^(-?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** Why `text` names no real moment (`2026-02-31`, `2026-13-45 25:61`), or null when its components are fine. */
export function impossibleDateTime(text: string): string | null {
  const parts = DATE_TIME_PARTS.exec(text);
  if (!parts) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = parts.slice(1).map((part) => Number(part ?? 0));
  return isRealDateTime(y!, mo!, d!, h, mi, s) ? null : `is not a real date and time: ${JSON.stringify(text.slice(0, 40))}`;
}

/**
 * An instant as epoch milliseconds. Adapters may hand us ISO 8601 strings; they must carry a zone
 * (`Z` or `±hh:mm`) because a local time without one names no single instant.
 */
const ZONE_MESSAGE = 'must be epoch milliseconds or an ISO 8601 date-time with a zone (Z or ±hh:mm)';
const isoWithZone = z.iso.datetime({ offset: true });

// One transform rather than a union of a number and a string schema: a union reports "Invalid
// input" for a string that fails its own branch, and the reason (out of range, no such day, no
// zone) is what the reader of a reject needs.
export const timestampSchema = z.pipe(
  z.custom<number | string>((value) => typeof value === 'number' || typeof value === 'string', {
    error: (issue) => (issue.input === undefined ? `is required (${ZONE_MESSAGE.slice(8)})` : ZONE_MESSAGE),
  }),
  z.transform((value: number | string, ctx) => {
    const problem =
      typeof value === 'number'
        ? isEpochMs(value) ? null : EPOCH_MS_MESSAGE
        : (impossibleDateTime(value) ?? (isoWithZone.safeParse(value).success ? null : ZONE_MESSAGE));
    if (problem !== null) {
      ctx.issues.push({ code: 'custom', message: problem, input: value });
      return Number.NaN;
    }
    return typeof value === 'number' ? value : Date.parse(value);
  }),
);

export const nullableTimestampSchema = z._default(z.nullable(timestampSchema), null);
