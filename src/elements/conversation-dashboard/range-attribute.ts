import { isRangePreset, resolveRangePreset, type RangePreset } from '../../core/range-presets.ts';
import type { DateRange } from '../../core/types.ts';

/** The `range` of a dashboard: epoch-ms bounds, a preset name, or an ISO interval "start/end". */
export type RangeValue = DateRange | RangePreset | string;

export const DEFAULT_RANGE: RangePreset = 'last-30-days';

function isDateRange(value: unknown): value is DateRange {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isFinite((value as DateRange).from) &&
    Number.isFinite((value as DateRange).to)
  );
}

/** Resolves a range value at `now` in `timeZone`; throws a RangeError naming a value it cannot read. */
export function resolveRange(value: RangeValue, now: number, timeZone: string): DateRange {
  if (isDateRange(value)) {
    if (!(value.to > value.from)) throw new RangeError('The range must end after it starts.');
    return { from: value.from, to: value.to };
  }
  if (isRangePreset(value)) return resolveRangePreset(value, now, timeZone);
  if (typeof value === 'string' && value.includes('/')) {
    const [start, end] = value.split('/').map((part) => Date.parse(part.trim()));
    if (Number.isFinite(start) && Number.isFinite(end) && end! > start!) return { from: start!, to: end! };
  }
  throw new RangeError(`Unknown range "${String(value)}": use a preset such as "last-30-days" or "start/end" ISO dates.`);
}
