/** The editor was closed without saving. */
export class ReportCancelEvent extends CustomEvent<{ reportId: string }> {
  static readonly type = 'report-cancel';
  constructor(reportId: string) {
    super(ReportCancelEvent.type, { detail: { reportId }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-cancel': ReportCancelEvent;
  }
}
