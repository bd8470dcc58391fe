import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ReorderController } from '../../controllers/reorder-controller.ts';
import type { Dashboard } from '../../core/schema/dashboard.ts';
import type { ReportDrillEvent } from '../../events/report-drill-event.ts';
import type { ReportDuplicateEvent } from '../../events/report-duplicate-event.ts';
import type { ReportEditEvent } from '../../events/report-edit-event.ts';
import type { ReportMoveEvent } from '../../events/report-move-event.ts';
import type { ReportRemoveEvent } from '../../events/report-remove-event.ts';
import type { ReportResizeEvent, TileSize } from '../../events/report-resize-event.ts';
import type { ReportActionsController } from './report-actions-controller.ts';

export interface DashboardGridInput {
  dashboard: Dashboard | undefined;
  /** Whether the user may change the dashboard here (not on a wall display). */
  editable: boolean;
  locale: string;
  timeZone: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  reorder: ReorderController;
  actions: ReportActionsController;
  /** Opens the drill dialog on a tile's data point (the host already allowed it). */
  drill: (event: ReportDrillEvent) => void;
}

/** The grid of tiles, hearing their requests (drill, remove, move, resize, duplicate, edit), each asked of the host first; or the note that there are no reports. */
export function renderDashboardGrid({ dashboard, editable, locale, timeZone, t, reorder, actions, drill }: DashboardGridInput): TemplateResult {
  if (!dashboard || dashboard.reports.length === 0) return html`<p class="empty">${t('dashboard.noReports')}</p>`;
  const copyTargets = editable ? actions.copyTargets(dashboard) : [];
  return html`<div
    part="grid"
    @report-drill=${(event: ReportDrillEvent) => actions.drillAllowed(event) && drill(event)}
    @report-remove=${(event: ReportRemoveEvent) => void actions.remove(event)}
    @report-move=${(event: ReportMoveEvent) => reorder.request(event)}
    @report-resize=${(event: ReportResizeEvent) => void actions.resize(event)}
    @report-duplicate=${(event: ReportDuplicateEvent) => void actions.duplicate(event)}
    @report-edit=${(event: ReportEditEvent) => editable && void actions.edit(event)}
  >
    ${repeat(
      dashboard.reports,
      (report) => report.id,
      (report, index) => html`<report-tile
        class=${tileClass(dashboard, report.id)}
        .spec=${report}
        ?editable=${editable}
        .size=${editable ? tileSize(dashboard, report.id) : null}
        .copyTargets=${copyTargets}
        .canMoveUp=${editable && index > 0}
        .canMoveDown=${editable && index < dashboard.reports.length - 1}
        draggable=${editable ? 'true' : 'false'}
        @dragstart=${(event: DragEvent) => reorder.dragStart(event, report.id)}
        @dragover=${(event: DragEvent) => editable && reorder.dragOver(event)}
        @drop=${(event: DragEvent) => editable && reorder.drop(event, report.id)}
        locale=${locale}
        time-zone=${timeZone}
      ></report-tile>`,
    )}
  </div>`;
}

/** (v2) A tile's width: its `layout.sizes` entry, else two thirds when listed in `wide`, else a third. */
function tileSize(dashboard: Dashboard, reportId: string): TileSize {
  const sizes = dashboard.layout.sizes;
  if (sizes && Object.hasOwn(sizes, reportId)) return sizes[reportId]!;
  return dashboard.layout.wide?.includes(reportId) ? 'two-thirds' : 'third';
}

/** The grid class of a tile: a set size, `wide` from older layouts, or none (the grid's default). */
function tileClass(dashboard: Dashboard, reportId: string): string {
  const sizes = dashboard.layout.sizes;
  if (sizes && Object.hasOwn(sizes, reportId)) return `size-${sizes[reportId]!}`;
  return dashboard.layout.wide?.includes(reportId) ? 'wide' : '';
}
