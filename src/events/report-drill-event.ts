import type { GroupKey } from '../core/types.ts';

export interface ReportDrillDetail {
  reportId: string;
  key: GroupKey;
  series?: GroupKey;
  /** The point's readable label ("Alice Martin"), for the drill dialog's heading. */
  label?: string;
  seriesLabel?: string;
}

/** A data point (bar, point, slice or table row) was chosen: show the conversations behind it. */
export class ReportDrillEvent extends CustomEvent<ReportDrillDetail> {
  static readonly type = 'report-drill';
  constructor(detail: ReportDrillDetail) {
    super(ReportDrillEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-drill': ReportDrillEvent;
  }
}
