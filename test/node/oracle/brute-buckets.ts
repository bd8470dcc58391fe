import type { TimeBucket } from '../../../src/core/schema/report-spec.ts';

/**
 * A slow, obviously-right reading of "the first instant of the local hour/day/week/month/quarter",
 * used to check the SQL oracle's bucket keys (not the engine): step through time on a 15-minute
 * grid, the grain of every UTC offset and DST change in the zones under test, and watch the local
 * label change.
 */

const STEP = 15 * 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(t: number, timeZone: string): Record<string, string> {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
}

/** Which local bucket an instant is in, as text. */
export function bucketLabel(t: number, bucket: TimeBucket, timeZone: string): string {
  const p = parts(t, timeZone);
  const year = Number(p.year);
  const month = Number(p.month);
  const day = Number(p.day);
  switch (bucket) {
    case 'hour':
      return `${year}-${month}-${day} ${p.hour}`;
    case 'day':
      return `${year}-${month}-${day}`;
    case 'week': {
      // Calendar arithmetic on the local date only (no instants), Monday first.
      const date = new Date(Date.UTC(year, month - 1, day));
      const mondayOffset = (date.getUTCDay() + 6) % 7;
      date.setUTCDate(date.getUTCDate() - mondayOffset);
      return `week of ${date.toISOString().slice(0, 10)}`;
    }
    case 'month':
      return `${year}-${month}`;
    case 'quarter':
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  }
}

/**
 * The last multiple of STEP, stepping from `from` in `direction`, that still has `label`. A
 * bucket's instants form one run in time, so "same label" flips once: gallop, then bisect.
 */
function edge(from: number, direction: 1 | -1, label: string, bucket: TimeBucket, timeZone: string): number {
  const same = (steps: number) => bucketLabel(from + direction * steps * STEP, bucket, timeZone) === label;
  let inside = 0;
  let outside = 1;
  while (same(outside)) {
    inside = outside;
    outside *= 2;
  }
  while (outside - inside > 1) {
    const mid = Math.floor((inside + outside) / 2);
    if (same(mid)) inside = mid;
    else outside = mid;
  }
  return from + direction * inside * STEP;
}

/** First instant of the bucket holding t. */
export function bucketStart(t: number, bucket: TimeBucket, timeZone: string): number {
  return edge(Math.floor(t / STEP) * STEP, -1, bucketLabel(t, bucket, timeZone), bucket, timeZone);
}

/** Every bucket start from the bucket holding `from` to the one holding `to - 1`, keyed by label. */
export function bucketStarts(from: number, to: number, bucket: TimeBucket, timeZone: string): Map<string, number> {
  const starts = new Map<string, number>();
  let start = bucketStart(from, bucket, timeZone);
  while (start <= to - 1) {
    const label = bucketLabel(start, bucket, timeZone);
    starts.set(label, start);
    start = edge(start, 1, label, bucket, timeZone) + STEP;
  }
  return starts;
}
