/**
 * The user asked to remove a report from its dashboard. A tile fires it as a request; the
 * dashboard stops that and fires its own, with `dashboardId`, before it acts: a host's
 * `preventDefault()` on it vetoes the removal.
 */
export class ReportRemoveEvent extends CustomEvent<{ reportId: string; dashboardId?: string }> {
  static readonly type = 'report-remove';
  constructor(reportId: string, dashboardId?: string) {
    super(ReportRemoveEvent.type, {
      detail: { reportId, ...(dashboardId === undefined ? {} : { dashboardId }) },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-remove': ReportRemoveEvent;
  }
}
