import { fromWall, toWall } from '../../core/time/time-buckets.ts';
import type { DateRange } from '../../core/types.ts';

const DAY = 86_400_000;

/** Local calendar days (UTC midnights of the first and last) in `zone`: from the start of the first to the start of the day after the last. */
export function localDays(first: number, last: number, zone: string): DateRange {
  return { from: fromWall(first, zone), to: fromWall(last + DAY, zone) };
}

/** "2026-03-29" in `timeZone` for an instant (the value of an `<input type="date">`). */
export function localDate(t: number, timeZone: string): string {
  return new Date(toWall(t, timeZone)).toISOString().slice(0, 10);
}
