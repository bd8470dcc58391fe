import { minutesOfDay, weekdayKeys, type BusinessHours, type Schedule } from '../schema/business-hours.ts';
import { offsetSegments } from './offset-segments.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Beyond this many days of data one schedule's open intervals are not laid out (≈ 500 years). */
const MAX_DAYS = 183_000;

/** Open minutes [start, end) of each weekday (Monday = 0), merged and sorted. */
export function weekMinutes(schedule: Schedule): [number, number][][] {
  return weekdayKeys.map((key) => {
    const intervals = (schedule.week[key] ?? [])
      .map(([start, end]) => [minutesOfDay(start), minutesOfDay(end)] as [number, number])
      .filter(([start, end]) => start < end)
      .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const interval of intervals) {
      const last = merged[merged.length - 1];
      if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
      else merged.push([...interval]);
    }
    return merged;
  });
}

/** Local day number (days since 1970-01-01) of a 'YYYY-MM-DD' date. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / DAY);
}

/**
 * A schedule laid out over a stretch of time: the instants that are open, as sorted disjoint
 * intervals [starts[k], ends[k]) with the open time before each (`before[k]`). The open time up to
 * any instant is then one binary search, and a business span F(b) − F(a): no walk minute by
 * minute, however long the span.
 *
 * An instant is open when its wall-clock time in the schedule's zone falls inside one of its
 * weekday's intervals, on a day that is no holiday. So a repeated hour on a DST fall-back night
 * counts twice when open, a skipped one on a spring-forward night not at all, and everything is
 * exact to the millisecond.
 */
export class BusinessClock {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly before: Float64Array;

  /** Lays out `schedule` over the instants [from, to] (a little more on both sides). */
  constructor(
    readonly schedule: Schedule,
    from: number,
    to: number,
  ) {
    const lo = Math.floor(from / DAY) * DAY - 2 * DAY;
    const hi = Math.floor(to / DAY) * DAY + 3 * DAY;
    if ((hi - lo) / DAY > MAX_DAYS)
      throw new RangeError(
        `Business hours are counted over at most ${MAX_DAYS} days; the data spans ${new Date(from).toISOString()} to ${new Date(to).toISOString()}.`,
      );
    const week = weekMinutes(schedule);
    const holidays = new Set((schedule.holidays ?? []).map(dayNumber));
    const starts: number[] = [];
    const ends: number[] = [];
    for (const segment of offsetSegments(lo, hi, schedule.timeZone)) {
      const { offset } = segment;
      const firstDay = Math.floor((segment.from + offset) / DAY);
      const lastDay = Math.floor((segment.to - 1 + offset) / DAY);
      for (let day = firstDay; day <= lastDay; day++) {
        if (holidays.has(day)) continue;
        // Day 0 (1970-01-01) was a Thursday: Monday-based index 3.
        const weekday = (((day + 3) % 7) + 7) % 7;
        for (const [open, close] of week[weekday]!) {
          const start = Math.max(day * DAY + open * MINUTE - offset, segment.from);
          const end = Math.min(day * DAY + close * MINUTE - offset, segment.to);
          if (start >= end) continue;
          const last = ends.length - 1;
          if (last >= 0 && start <= ends[last]!) ends[last] = Math.max(ends[last]!, end);
          else {
            starts.push(start);
            ends.push(end);
          }
        }
      }
    }
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.before = new Float64Array(starts.length);
    let total = 0;
    for (let k = 0; k < starts.length; k++) {
      this.before[k] = total;
      total += ends[k]! - starts[k]!;
    }
  }

  /**
   * The last interval starting at or before `t` (−1 when none), searched from `hint` outward by
   * galloping: creation times come in order and spans are mostly short, so the answer is usually
   * a step or two from the previous one and a million spans cost a few steps each.
   */
  indexOf(t: number, hint = 0): number {
    const { starts } = this;
    const n = starts.length;
    let lo: number;
    let hi: number;
    if (n === 0) return -1;
    let k = Math.min(Math.max(hint, 0), n - 1);
    if (starts[k]! <= t) {
      // Gallop right: find hi with starts[hi] > t.
      let step = 1;
      lo = k;
      hi = k + 1;
      while (hi < n && starts[hi]! <= t) {
        lo = hi;
        step *= 2;
        hi = Math.min(n, lo + step);
      }
    } else {
      // Gallop left: find lo with starts[lo] ≤ t (or −1).
      let step = 1;
      hi = k;
      lo = k - 1;
      while (lo >= 0 && starts[lo]! > t) {
        hi = lo;
        step *= 2;
        lo = Math.max(-1, hi - step);
      }
      if (lo < 0) {
        lo = -1;
        // Binary search in (lo, hi) below.
      }
    }
    // Invariant: starts[lo] ≤ t (or lo = −1), starts[hi] > t (or hi = n).
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= t) lo = mid;
      else hi = mid;
    }
    k = lo;
    return k;
  }

  /** Open time (ms) from the start of the layout up to `t`, given `k = indexOf(t)`. */
  openAt(k: number, t: number): number {
    return k < 0 ? 0 : this.before[k]! + Math.min(t, this.ends[k]!) - this.starts[k]!;
  }

  /** Open time (ms) from the start of the layout up to instant `t`. */
  openUntil(t: number): number {
    return this.openAt(this.indexOf(t, this.starts.length >> 1), t);
  }

  /**
   * The instant after which more than `amount` ms of open time has passed since `a`: a
   * conversation created at `a` and still waiting is past its target exactly for `now` later than
   * this. +Infinity when that point lies beyond the layout.
   */
  breachInstant(a: number, amount: number): number {
    const { starts, ends, before } = this;
    const goal = this.openUntil(a) + amount;
    let lo = 0;
    let hi = before.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before[mid]! <= goal) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    if (k < 0 || goal >= before[k]! + ends[k]! - starts[k]!) return Number.POSITIVE_INFINITY;
    return starts[k]! + (goal - before[k]!);
  }

  /** The length of [a, b) inside open intervals (0 when b ≤ a). */
  span(a: number, b: number): number {
    return b > a ? this.openUntil(b) - this.openUntil(a) : 0;
  }
}

/** The schedule a conversation of `inboxId` uses: its inbox's, else the top one. */
export function scheduleFor(hours: BusinessHours, inboxId: string | null): Schedule {
  const own = inboxId !== null && hours.byInbox && Object.hasOwn(hours.byInbox, inboxId) ? hours.byInbox[inboxId] : undefined;
  return own ?? hours;
}
