/**
 * A report is to be duplicated on its dashboard (`toDashboardId` absent) or copied to another
 * dashboard the user may edit (tile Actions → Duplicate / Copy to …). A tile fires it as a request;
 * the dashboard stops that and fires its own, with `dashboardId`, before it saves: a host's
 * `preventDefault()` on it vetoes the copy.
 */
export class ReportDuplicateEvent extends CustomEvent<{ reportId: string; toDashboardId?: string; dashboardId?: string }> {
  static readonly type = 'report-duplicate';
  constructor(reportId: string, where: { toDashboardId?: string; dashboardId?: string } = {}) {
    super(ReportDuplicateEvent.type, { detail: { reportId, ...where }, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-duplicate': ReportDuplicateEvent;
  }
}
