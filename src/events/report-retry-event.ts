/** Retry was pressed on a standalone tile's error state: the host reloads its data (inside a dashboard the dashboard does). */
export class ReportRetryEvent extends CustomEvent<null> {
  static readonly type = 'report-retry';
  constructor() {
    super(ReportRetryEvent.type, { detail: null, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-retry': ReportRetryEvent;
  }
}
