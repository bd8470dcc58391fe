import type { GroupKey } from '../core/types.ts';

export interface ReportDrillDetail {
  reportId: string;
  key: GroupKey;
  series?: GroupKey;
  /** The point's readable label ("Alice Martin"), for the drill dialog's heading. */
  label?: string;
  seriesLabel?: string;
  /** Set on the dashboard's own event: the dashboard the report is on. */
  dashboardId?: string;
}

/**
 * A data point (bar, point, slice or table row) was chosen: show the conversations behind it.
 * Cancelable: inside a dashboard the tile's event is a request; the dashboard fires its own (with
 * `dashboardId`) before it opens its drill dialog, and a `preventDefault()` on it opens none.
 */
export class ReportDrillEvent extends CustomEvent<ReportDrillDetail> {
  static readonly type = 'report-drill';
  constructor(detail: ReportDrillDetail) {
    super(ReportDrillEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-drill': ReportDrillEvent;
  }
}
