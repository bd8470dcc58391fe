import type { DateRange } from '../../core/types.ts';
import type { RangeSelectEvent } from '../../events/range-select-event.ts';
import { errorMessage } from '../../i18n/error-message.ts';
import { localDays } from '../range-picker/local-days.ts';
import { RangeValueError, resolveRange, type RangeValue } from './range-attribute.ts';

/**
 * A custom range is local dates: 1–30 Nov stays 1–30 Nov when the zone changes (not 31 Oct–30 Nov).
 * Remembers the calendar days of the last custom choice and the bounds they gave.
 */
export class CustomDays {
  #days: { from: number; to: number; range: DateRange } | null = null;

  /** The range picker's choice (a preset, or custom local days), stopped here; the range to set, or undefined when vetoed. */
  select(event: RangeSelectEvent): RangeValue | undefined {
    event.stopPropagation();
    if (event.defaultPrevented) return undefined;
    this.#days = event.days ? { ...event.days, range: event.range as DateRange } : null;
    return event.range;
  }

  /** After a change of zone: the same days' bounds in `timeZone`, or undefined when `range` is not the custom choice (any more). */
  rezone(range: RangeValue, timeZone: string): DateRange | undefined {
    const days = this.#days;
    if (!days) return undefined;
    if (range !== days.range) {
      this.#days = null;
      return undefined;
    }
    days.range = localDays(days.from, days.to, timeZone);
    return days.range;
  }
}

/** Why `range` (or the zone) cannot be used, in the user's language: the real problem, named. */
export function rangeProblem(range: RangeValue, now: number, timeZone: string, t: (key: string, params?: Record<string, string | number>) => string): string {
  try {
    resolveRange(range, now, timeZone);
    return t('dashboard.rangeError.unknown', { value: String(range) });
  } catch (error) {
    if (error instanceof RangeValueError) return t(`dashboard.rangeError.${error.problem}`, { value: error.value });
    return errorMessage(error);
  }
}
