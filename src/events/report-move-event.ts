/** A report was moved one place up or down on its dashboard (tile Actions menu, or drag and drop). */
export class ReportMoveEvent extends CustomEvent<{ reportId: string; direction: 'up' | 'down' }> {
  static readonly type = 'report-move';
  constructor(reportId: string, direction: 'up' | 'down') {
    super(ReportMoveEvent.type, { detail: { reportId, direction }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-move': ReportMoveEvent;
  }
}
