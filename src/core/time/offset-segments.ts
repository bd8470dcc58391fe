import { zoneOffset } from './time-buckets.ts';

/*
 * Kept apart from business-time.ts: weekday and hour columns (createdWeekday, createdHour) need
 * the zone's offsets with no business hours, so this stays with the engine while the business
 * clock loads only for a context that has business hours.
 */

const SECOND = 1000;

/** A span of constant UTC offset: instants [from, to) read as wall-clock time t + offset. */
export interface OffsetSegment {
  from: number;
  to: number;
  offset: number;
}

/** The first whole second in (lo, hi] whose offset differs from the offset at lo (one change assumed). */
function transitionIn(lo: number, hi: number, timeZone: string, before: number): number {
  let a = Math.floor(lo / SECOND);
  let b = Math.floor(hi / SECOND);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zoneOffset(mid * SECOND, timeZone) === before) a = mid;
    else b = mid;
  }
  return b * SECOND;
}

/**
 * The zone's offsets over [from, to): sampled every 6 hours, each change found to the second by
 * bisection (offsets, historical ones included, change on whole seconds). Two changes closer than
 * the sampling step are found too, as long as they do not cancel out.
 */
export function offsetSegments(from: number, to: number, timeZone: string): OffsetSegment[] {
  // Zone rules do not change while the page runs: a stretch asked for again is answered from memory.
  const key = `${timeZone}|${from}|${to}`;
  let segments = segmentCache.get(key);
  if (!segments) {
    segments = findOffsetSegments(from, to, timeZone);
    if (segmentCache.size >= 32) segmentCache.delete(segmentCache.keys().next().value!);
    segmentCache.set(key, segments);
  }
  return segments;
}

const segmentCache = new Map<string, OffsetSegment[]>();

function findOffsetSegments(from: number, to: number, timeZone: string): OffsetSegment[] {
  const STEP = 6 * 3_600_000;
  const segments: OffsetSegment[] = [];
  let start = from;
  let offset = zoneOffset(from, timeZone);
  let t = from;
  while (t < to) {
    const next = Math.min(t + STEP, to);
    let at = t;
    for (;;) {
      const end = zoneOffset(next, timeZone);
      if (end === offset) break;
      const change = transitionIn(at, next, timeZone, offset);
      segments.push({ from: start, to: change, offset });
      start = change;
      at = change;
      offset = zoneOffset(change, timeZone);
    }
    t = next;
  }
  segments.push({ from: start, to, offset });
  return segments;
}
