/** (v2) The widths a tile can take on a dashboard's grid: a third, half, two thirds or all of a row. */
export const tileSizes = ['third', 'half', 'two-thirds', 'full'] as const;
export type TileSize = (typeof tileSizes)[number];

/**
 * A report's tile is to take another width (tile Actions → Size). A tile fires it as a request;
 * the dashboard stops that and fires its own, with `dashboardId`, before it saves the layout: a
 * host's `preventDefault()` on it vetoes the change.
 */
export class ReportResizeEvent extends CustomEvent<{ reportId: string; size: TileSize; dashboardId?: string }> {
  static readonly type = 'report-resize';
  constructor(reportId: string, size: TileSize, dashboardId?: string) {
    super(ReportResizeEvent.type, {
      detail: { reportId, size, ...(dashboardId === undefined ? {} : { dashboardId }) },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-resize': ReportResizeEvent;
  }
}
