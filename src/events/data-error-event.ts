/** Loading or computing failed, or the markup configuration is invalid (`phase: 'config'`); the element shows the error, the host may log it. */
export class DataErrorEvent extends CustomEvent<{ error: unknown; message: string; phase: 'load' | 'parse' | 'compute' | 'store' | 'config' }> {
  static readonly type = 'data-error';
  constructor(detail: { error: unknown; message: string; phase: 'load' | 'parse' | 'compute' | 'store' | 'config' }) {
    super(DataErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'data-error': DataErrorEvent;
  }
}
