import type { RangeValue } from '../core/time/range-presets.ts';

/**
 * The reader chose a date range in `<cr-range-picker>`: a preset name, or local calendar days
 * (`days`: the UTC midnights of the first and the last) with the bounds they give in the picker's
 * zone. Cancelable: the element that owns the range sets it only when it was not prevented.
 */
export class RangeSelectEvent extends Event {
  static readonly type = 'range-select';
  constructor(
    readonly range: RangeValue,
    readonly days?: { from: number; to: number },
  ) {
    super(RangeSelectEvent.type, { bubbles: true, composed: false, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'range-select': RangeSelectEvent;
  }
}
