/**
 * A report is to move up or down on its dashboard (tile Actions menu, or drag and drop). A tile
 * fires it as a request; the dashboard stops that and fires its own, with `dashboardId` and the
 * place `to` (0-based), before it acts: a host's `preventDefault()` on it vetoes the move.
 */
export class ReportMoveEvent extends CustomEvent<{ reportId: string; direction: 'up' | 'down'; dashboardId?: string; to?: number }> {
  static readonly type = 'report-move';
  constructor(reportId: string, direction: 'up' | 'down', where: { dashboardId?: string; to?: number } = {}) {
    super(ReportMoveEvent.type, { detail: { reportId, direction, ...where }, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-move': ReportMoveEvent;
  }
}
