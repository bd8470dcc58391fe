/**
 * "Custom report" was chosen in the report library; the host opens the report editor on a new
 * report. Cancelable: inside a dashboard the library's event is a request; the dashboard fires its
 * own (with `dashboardId`) before it opens its report editor, and a `preventDefault()` on it opens none.
 */
export class ReportCreateCustomEvent extends CustomEvent<{ dashboardId?: string }> {
  static readonly type = 'report-create-custom';
  constructor(dashboardId?: string) {
    super(ReportCreateCustomEvent.type, {
      detail: dashboardId === undefined ? {} : { dashboardId },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-create-custom': ReportCreateCustomEvent;
  }
}
