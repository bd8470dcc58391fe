import { fromWall, toWall, truncateWall } from './time-buckets.ts';
import type { DateRange } from '../types.ts';

export const rangePresets = [
  'today',
  'yesterday',
  'this-week',
  'last-week',
  'last-7-days',
  'last-30-days',
  'last-90-days',
  'this-month',
  'last-month',
  'this-quarter',
] as const;

export type RangePreset = (typeof rangePresets)[number];

/** The `range` of a dashboard: epoch-ms bounds, a preset name, or an ISO interval "start/end". */
export type RangeValue = DateRange | RangePreset | string;

const DAY = 86_400_000;

export function isRangePreset(value: unknown): value is RangePreset {
  return typeof value === 'string' && (rangePresets as readonly string[]).includes(value);
}

/**
 * The range a preset names at instant `now` in `timeZone`, on local calendar boundaries (so a
 * day across a DST change is 23 or 25 hours). "Last N days" are the N whole days before today.
 * "This …" periods run up to the end of today.
 */
export function resolveRangePreset(preset: RangePreset, now: number, timeZone: string): DateRange {
  const today = truncateWall(toWall(now, timeZone), 'day');
  const at = (wall: number) => fromWall(wall, timeZone);
  const tomorrow = at(today + DAY);
  switch (preset) {
    case 'today':
      return { from: at(today), to: tomorrow };
    case 'yesterday':
      return { from: at(today - DAY), to: at(today) };
    case 'this-week':
      return { from: at(truncateWall(today, 'week')), to: tomorrow };
    case 'last-week': {
      const week = truncateWall(today, 'week');
      return { from: at(week - 7 * DAY), to: at(week) };
    }
    case 'last-7-days':
      return { from: at(today - 7 * DAY), to: at(today) };
    case 'last-30-days':
      return { from: at(today - 30 * DAY), to: at(today) };
    case 'last-90-days':
      return { from: at(today - 90 * DAY), to: at(today) };
    case 'this-month':
      return { from: at(truncateWall(today, 'month')), to: tomorrow };
    case 'last-month': {
      const month = truncateWall(today, 'month');
      return { from: at(truncateWall(month - DAY, 'month')), to: at(month) };
    }
    case 'this-quarter':
      return { from: at(truncateWall(today, 'quarter')), to: tomorrow };
  }
}
