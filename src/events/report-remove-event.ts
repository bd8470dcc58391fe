/** The user asked to remove a report from its dashboard; a host may veto with preventDefault(). */
export class ReportRemoveEvent extends CustomEvent<{ reportId: string }> {
  static readonly type = 'report-remove';
  constructor(reportId: string) {
    super(ReportRemoveEvent.type, { detail: { reportId }, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-remove': ReportRemoveEvent;
  }
}
