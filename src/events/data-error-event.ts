/** Loading or computing failed; the element shows the error with a Retry, the host may log it. */
export class DataErrorEvent extends CustomEvent<{ error: unknown; message: string; phase: 'load' | 'parse' | 'compute' | 'store' }> {
  static readonly type = 'data-error';
  constructor(detail: { error: unknown; message: string; phase: 'load' | 'parse' | 'compute' | 'store' }) {
    super(DataErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'data-error': DataErrorEvent;
  }
}
