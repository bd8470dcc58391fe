import type { GroupKey } from '../core/types.ts';

export interface ChartPointClickDetail {
  key: GroupKey;
  /** `undefined` when the chart has no breakdown. */
  series: GroupKey | undefined;
  dataIndex: number;
  seriesIndex: number;
}

/** A data item of a chart (bar, point, slice) was clicked, or chosen with Enter. */
export class ChartPointClickEvent extends CustomEvent<ChartPointClickDetail> {
  static readonly type = 'chart-point-click';
  constructor(detail: ChartPointClickDetail) {
    super(ChartPointClickEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'chart-point-click': ChartPointClickEvent;
  }
}
