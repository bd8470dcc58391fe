import type { DashboardData } from '../../controllers/dashboard-data.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { DrillPoint } from '../../core/types.ts';
import type { ReportDrillDetail } from '../../events/report-drill-event.ts';
import type { DrillDialog } from '../drill-dialog/drill-dialog.ts';

/**
 * Opens the drill dialog on a tile's data point: the first page is read before the dialog opens,
 * so that it opens with its rows; then one page at a time. The dialog's module loads on the first
 * drill (it is not part of the dashboard's first paint); `<drill-dialog>` upgrades then. `heading` words the title from the
 * point's label; `latest` gives the data as it is when the first page came.
 */
export async function showDrill(
  dialog: DrillDialog,
  spec: ReportSpec,
  data: DashboardData,
  detail: ReportDrillDetail,
  heading: (point: string) => string,
  latest: () => DashboardData | undefined,
): Promise<void> {
  const point: DrillPoint = { key: detail.key, ...(detail.series === undefined ? {} : { series: detail.series }) };
  const label = [detail.label ?? String(detail.key), detail.seriesLabel].filter(Boolean).join(' · ');
  const [{ DRILL_PAGE_SIZE }] = await Promise.all([import('../drill-dialog/drill-dialog.ts'), customElements.whenDefined('drill-dialog')]);
  const first = await data.drill(spec, point, { offset: 0, limit: DRILL_PAGE_SIZE });
  dialog.spec = spec;
  dialog.heading = heading(label);
  dialog.conversations = [];
  dialog.loadPage = (request, signal) => (request.offset === 0 && request.limit === DRILL_PAGE_SIZE && !request.search && !request.sort ? Promise.resolve(first) : data.drill(spec, point, request, signal));
  // The names as they are now (a push-down source's may have come while the drill ran).
  dialog.lookups = (latest() ?? data).lookups;
  await dialog.show();
}
