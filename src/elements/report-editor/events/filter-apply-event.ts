import type { Criterion } from '../editor-draft.ts';

/**
 * "Apply filter" was pressed on the panel's `criteria`. The editor applies them and closes the
 * panel, or calls `preventDefault()` when some criterion has a problem (the panel stays open with
 * the problems shown). Internal to the editor.
 */
export class FilterApplyEvent extends CustomEvent<{ criteria: readonly Criterion[] }> {
  static readonly type = 'filter-apply';
  constructor(criteria: readonly Criterion[]) {
    super(FilterApplyEvent.type, { detail: { criteria }, bubbles: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'filter-apply': FilterApplyEvent;
  }
}
