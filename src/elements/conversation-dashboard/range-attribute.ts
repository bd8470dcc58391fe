import { isRangePreset, resolveRangePreset, type RangePreset, type RangeValue } from '../../core/time/range-presets.ts';
import { impossibleDateTime, isEpochMs, MAX_EPOCH_MS } from '../../core/schema/timestamp.ts';
import { assertTimeZone } from '../../core/time/time-buckets.ts';
import type { DateRange } from '../../core/types.ts';

export type { RangeValue };

export const DEFAULT_RANGE: RangePreset = 'last-30-days';

/** What is wrong with a range, for a message that names the real problem (and is localized by it). */
export type RangeProblem = 'unknown-zone' | 'reversed' | 'outside' | 'unknown';

/**
 * A `range` (attribute, property, URL parameter or restored config) or `time-zone` that cannot be
 * used. `problem` says which; the message says it in English for logs.
 */
export class RangeValueError extends RangeError {
  override name = 'RangeValueError';
  constructor(
    readonly problem: RangeProblem,
    /** The value as text (the zone for 'unknown-zone'), cut to 80 characters: it may come from a URL. */
    readonly value: string,
  ) {
    super(
      problem === 'unknown-zone'
        ? `Unknown time zone "${value}": use an IANA name such as "Europe/Amsterdam".`
        : problem === 'reversed'
          ? `The range ${value} ends before it starts (or is empty): "to" must be after "from".`
          : problem === 'outside'
            ? `The range ${value} lies outside the dates a browser can hold (|t| ≤ ${MAX_EPOCH_MS} ms).`
            : `Unknown range ${value}: use a preset such as "last-30-days", "start/end" ISO dates or { from, to } epoch ms.`,
    );
  }
}

function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function isBounds(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}

/** A checked pair: finite, inside the Date range, ending after it starts. */
function checked(from: number, to: number, value: unknown): DateRange {
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeValueError('unknown', shown(value));
  if (!isEpochMs(from) || !isEpochMs(to)) throw new RangeValueError('outside', shown(value));
  if (!(to > from)) throw new RangeValueError('reversed', shown(value));
  return { from, to };
}

/** An ISO date (or date-time) of an interval, NaN when it is unreadable or names no real day (Feb 31). */
function isoInstant(part: string): number {
  const text = part.trim();
  return impossibleDateTime(text) === null ? Date.parse(text) : Number.NaN;
}

/**
 * Resolves a range value at `now` in `timeZone`.
 * @throws RangeValueError naming the real problem: an unknown zone, a reversed or empty range, one
 * outside the Date range, or a value that is no range at all.
 */
export function resolveRange(value: RangeValue, now: number, timeZone: string): DateRange {
  try {
    assertTimeZone(timeZone);
  } catch {
    throw new RangeValueError('unknown-zone', timeZone.slice(0, 80));
  }
  if (isBounds(value)) {
    const { from, to } = value;
    if (typeof from !== 'number' || typeof to !== 'number') throw new RangeValueError('unknown', shown(value));
    return checked(from, to, value);
  }
  if (isRangePreset(value)) return resolveRangePreset(value, now, timeZone);
  if (typeof value === 'string' && value.includes('/')) {
    const parts = value.split('/');
    if (parts.length !== 2) throw new RangeValueError('unknown', shown(value));
    return checked(isoInstant(parts[0]!), isoInstant(parts[1]!), value);
  }
  throw new RangeValueError('unknown', shown(value));
}
