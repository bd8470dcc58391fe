import type { TimeBucket } from '../schema/report-spec.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when it is not a valid IANA zone. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}": use an IANA name such as "Europe/Amsterdam".`);
  }
}

/** Offset of `timeZone` from UTC at instant `t`, in ms (local = t + offset). */
export function zoneOffset(t: number, timeZone: string): number {
  const seconds = Math.floor(t / 1000) * 1000;
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(seconds)) {
    if (part.type === 'era') bc = part.value === 'BC' || part.value === 'B';
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = bc ? 1 - (fields.year ?? 0) : (fields.year ?? 0);
  const wall = Date.UTC(year, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  // Date.UTC maps years 0–99 to 1900–1999.
  const fixed = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
  return fixed - seconds;
}

/** Local wall-clock time of instant `t`, expressed as if it were UTC epoch ms. */
export function toWall(t: number, timeZone: string): number {
  return t + zoneOffset(t, timeZone);
}

/**
 * The first instant whose local wall-clock time is `wall`; for a repeated local time (autumn) the
 * earlier one, for a skipped one (spring) the first instant after the gap.
 */
export function fromWall(wall: number, timeZone: string): number {
  const offsets = new Set([
    zoneOffset(wall - DAY, timeZone),
    zoneOffset(wall, timeZone),
    zoneOffset(wall + DAY, timeZone),
  ]);
  let best = Number.POSITIVE_INFINITY;
  for (const offset of offsets) {
    const t = wall - offset;
    if (zoneOffset(t, timeZone) === offset && t < best) best = t;
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  // In a gap: search the transition between the instant before it and the one after it.
  const sorted = [...offsets].sort((a, b) => b - a);
  let lo = wall - (sorted[0] ?? 0);
  let hi = wall - (sorted[sorted.length - 1] ?? 0);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (toWall(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Truncates a wall-clock time (as UTC ms) to the start of its bucket. */
export function truncateWall(wall: number, bucket: TimeBucket): number {
  const date = new Date(wall);
  switch (bucket) {
    case 'hour':
      return Math.floor(wall / HOUR) * HOUR;
    case 'day':
      return Math.floor(wall / DAY) * DAY;
    case 'week': {
      const day = Math.floor(wall / DAY) * DAY;
      const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
      return day - sinceMonday * DAY;
    }
    case 'month':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    case 'quarter':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - (date.getUTCMonth() % 3), 1);
  }
}

/** The wall-clock start of the bucket after the one starting at `wall`. */
export function nextWall(wall: number, bucket: TimeBucket): number {
  const date = new Date(wall);
  switch (bucket) {
    case 'hour':
      return wall + HOUR;
    case 'day':
      return wall + DAY;
    case 'week':
      return wall + 7 * DAY;
    case 'month':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    case 'quarter':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 3, 1);
  }
}

/** Epoch ms of the first instant of the local bucket holding `t`. */
export function bucketStart(t: number, bucket: TimeBucket, timeZone: string): number {
  return fromWall(truncateWall(toWall(t, timeZone), bucket), timeZone);
}

/** DESIGN v2: a date dimension never lists more buckets than this. */
export const MAX_DATE_BUCKETS = 10_000;

// The longest a local bucket can last in real time: a DST change adds at most an hour (two in a
// few historic zones), so dividing a span by these never overestimates its number of buckets.
const LONGEST_MS: Record<TimeBucket, number> = {
  hour: 2 * HOUR,
  day: DAY + 2 * HOUR,
  week: 7 * DAY + 2 * HOUR,
  month: 31 * DAY + 2 * HOUR,
  quarter: 92 * DAY + 2 * HOUR,
};

/**
 * A range that would list more than MAX_DATE_BUCKETS buckets (a shared link over 0001–9999, a year
 * of hours). Listing them would hold the tab for minutes, so the report is refused instead.
 * `name` survives the trip from the engine Worker, and the UI localizes by it.
 */
export class TooManyBucketsError extends RangeError {
  override name = 'TooManyBucketsError';
  constructor(
    readonly bucket: TimeBucket,
    readonly limit = MAX_DATE_BUCKETS,
  ) {
    super(`The range holds more than ${limit} ${bucket} buckets, more than a report can list: choose a shorter range or a coarser time bucket.`);
  }
}

/**
 * Bucket boundaries covering [from, to): starts of every bucket from the one holding `from` to the
 * one holding `to − 1`, followed by the end of the last one. Local units skipped by a DST gap
 * (a spring-forward hour) yield no bucket.
 */
export function bucketBoundaries(from: number, to: number, bucket: TimeBucket, timeZone: string): number[] {
  const boundaries: number[] = [];
  if (!(to > from)) return boundaries;
  // Refused before any work when even the longest buckets would be too many; else counted as listed.
  if ((to - from) / LONGEST_MS[bucket] > MAX_DATE_BUCKETS + 1) throw new TooManyBucketsError(bucket);
  let wall = truncateWall(toWall(from, timeZone), bucket);
  let start = fromWall(wall, timeZone);
  for (;;) {
    if (boundaries.length === 0 || start > boundaries[boundaries.length - 1]!) boundaries.push(start);
    if (start >= to) break;
    if (boundaries.length > MAX_DATE_BUCKETS) throw new TooManyBucketsError(bucket);
    wall = nextWall(wall, bucket);
    start = fromWall(wall, timeZone);
  }
  if (boundaries.length === 1) boundaries.push(fromWall(nextWall(wall, bucket), timeZone));
  return boundaries;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** A plain, locale-free label for a bucket key: "2026-03-29", "2026-03-29 14:00", "2026-03", "2026-Q1". */
export function bucketLabel(key: number, bucket: TimeBucket, timeZone: string): string {
  const date = new Date(toWall(key, timeZone));
  const ymd = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  switch (bucket) {
    case 'hour':
      return `${ymd} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
    case 'day':
    case 'week':
      return ymd;
    case 'month':
      return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
    case 'quarter':
      return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  }
}
