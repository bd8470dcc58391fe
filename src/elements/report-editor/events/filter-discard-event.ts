/**
 * Cancel or Escape on the filter panel: the editor drops the panel's edits and closes it unless
 * `preventDefault()` was called. Internal to the editor.
 */
export class FilterDiscardEvent extends Event {
  static readonly type = 'filter-discard';
  constructor() {
    super(FilterDiscardEvent.type, { bubbles: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'filter-discard': FilterDiscardEvent;
  }
}
