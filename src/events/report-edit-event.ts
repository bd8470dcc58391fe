import type { ReportSpec } from '../core/schema/report-spec.ts';

export interface ReportEditDetail {
  reportId: string;
  spec: ReportSpec;
  /** Set on the dashboard's own event: the dashboard the report is on. */
  dashboardId?: string;
}

/**
 * The user asked to edit a report (tile Actions → Edit). Cancelable: inside a dashboard the tile's
 * event is a request; the dashboard fires its own (with `dashboardId`) before it opens its report
 * editor, and a `preventDefault()` on it opens none.
 */
export class ReportEditEvent extends CustomEvent<ReportEditDetail> {
  static readonly type = 'report-edit';
  constructor(spec: ReportSpec, dashboardId?: string) {
    super(ReportEditEvent.type, {
      detail: { reportId: spec.id, spec, ...(dashboardId === undefined ? {} : { dashboardId }) },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-edit': ReportEditEvent;
  }
}
