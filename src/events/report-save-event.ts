import type { ReportSpec } from '../core/schema/report-spec.ts';

/**
 * A report was saved (editor) and should be persisted. The editor fires it as a request; a
 * dashboard stops that and fires its own, with `dashboardId`, before it stores the report: a host's
 * `preventDefault()` on it vetoes the save.
 */
export class ReportSaveEvent extends CustomEvent<{ spec: ReportSpec; dashboardId?: string }> {
  static readonly type = 'report-save';
  constructor(detail: { spec: ReportSpec; dashboardId?: string }) {
    super(ReportSaveEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-save': ReportSaveEvent;
  }
}
