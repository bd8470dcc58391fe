import type { Criterion } from '../editor-draft.ts';

/**
 * The filter panel is about to show `criteria` instead of its current ones (a property, operator or
 * value picked, a criterion added or removed). Fired before the panel changes; `preventDefault()`
 * keeps the old criteria. Internal to the editor: it does not cross the editor's shadow root.
 */
export class FilterChangeEvent extends CustomEvent<{ criteria: Criterion[] }> {
  static readonly type = 'filter-change';
  constructor(criteria: Criterion[]) {
    super(FilterChangeEvent.type, { detail: { criteria }, bubbles: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'filter-change': FilterChangeEvent;
  }
}
