import type { ReportSpec } from '../core/schema/report-spec.ts';

export interface ReportAddDetail {
  /** A copy of the library report with a fresh id, ready to append to the dashboard. */
  spec: ReportSpec;
  /** The id of the library report it was copied from. */
  sourceId: string;
}

/**
 * A report was chosen in the report library; the host adds `spec` to its dashboard and saves it.
 * Cancelable: inside a dashboard the library's event is a request; the dashboard fires its own
 * (with `dashboardId`) before it saves, and a `preventDefault()` on it adds nothing.
 */
export class ReportAddEvent extends CustomEvent<ReportAddDetail & { dashboardId?: string }> {
  static readonly type = 'report-add';
  constructor(detail: ReportAddDetail & { dashboardId?: string }) {
    super(ReportAddEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-add': ReportAddEvent;
  }
}
