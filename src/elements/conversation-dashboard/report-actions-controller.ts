import type { ReactiveElement } from 'lit';
import type { Dashboard } from '../../core/schema/dashboard.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import { ReportAddEvent } from '../../events/report-add-event.ts';
import { ReportCreateCustomEvent } from '../../events/report-create-custom-event.ts';
import { ReportDrillEvent } from '../../events/report-drill-event.ts';
import { ReportDuplicateEvent } from '../../events/report-duplicate-event.ts';
import { ReportEditEvent } from '../../events/report-edit-event.ts';
import { ReportRemoveEvent } from '../../events/report-remove-event.ts';
import { ReportResizeEvent } from '../../events/report-resize-event.ts';
import { ReportSaveEvent } from '../../events/report-save-event.ts';
import { dashboardName } from '../../i18n/report-titles.ts';
import { canEditDashboard } from '../../store/permission-checks.ts';
import type { ModalDialogController } from '../../controllers/modal-dialog-controller.ts';
import { onDemand } from '../../core/on-demand.ts';
import type { ReportActionsOptions } from './report-actions-work.ts';

export type { ReportActionsOptions };

/** The report editor and the modal behaviour of its dialog: loaded when the editor first opens, so they stay out of the first paint. */
const editorParts = onDemand(() =>
  Promise.all([import('../../controllers/modal-dialog-controller.ts'), import('../report-editor/report-editor.ts')]).then(([dialog]) => dialog),
);

/** What an allowed action does (save, toast, announce): loaded on the first one. */
const work = onDemand(() => import('./report-actions-work.ts'));

/** `work` once loaded. */
async function actionWork(): Promise<typeof import('./report-actions-work.ts')> {
  await work.load();
  return work.value!;
}

/**
 * A child's request (a tile's `report-remove` or `report-edit`, the editor's `report-save`) stops here: the host
 * would otherwise see it after the element had already acted. The element asks the host with
 * its own cancelable event, from itself, and acts only when it was not prevented (STYLE 12).
 */
export function allowedByHost(host: EventTarget, request: Event, own: Event): boolean {
  request.stopPropagation();
  if (request.defaultPrevented) return false;
  return host.dispatchEvent(own);
}

/**
 * What a dashboard does with its reports at the user's request: remove (with an Undo toast),
 * resize, duplicate beside or copy to another dashboard, add from the library, edit or create
 * one in the editor's modal dialog, and drill into a data point. Each asks the host first with the dashboard's own cancelable
 * event (with `dashboardId`) and is saved through `persist` only when not prevented.
 */
export class ReportActionsController {
  readonly #host: ReactiveElement;
  readonly #options: ReportActionsOptions;
  /** Made when the editor first opens (the dialog cannot close before). */
  #editorDialog: ModalDialogController | null = null;

  constructor(host: ReactiveElement, options: ReportActionsOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Wire the editor dialog's `close` event here. */
  readonly editorClosed = (): void => this.#editorDialog?.handleClose();

  async remove(event: ReportRemoveEvent): Promise<void> {
    const { reportId } = event.detail;
    const dashboard = this.#options.dashboard();
    if (!allowedByHost(this.#host, event, new ReportRemoveEvent(reportId, dashboard?.id))) return;
    await (await actionWork()).removeReportNow(this.#host, this.#options, reportId);
  }

  /** (v2) Stored dashboards other than `from` the user may edit: where a report can be copied. */
  copyTargets(from: Dashboard): { id: string; name: string }[] {
    const user = this.#options.user();
    if (!user) return [];
    return this.#options
      .dashboards()
      .filter((d) => d.id !== from.id && d.ownerId !== '' && canEditDashboard(d, user))
      .map((d) => ({ id: d.id, name: dashboardName(d, this.#options.locale()) }));
  }

  /** (v2) A tile's new width, saved in the layout (`layout.sizes`) once the host allowed it. */
  async resize(event: ReportResizeEvent): Promise<void> {
    const { reportId, size } = event.detail;
    if (!allowedByHost(this.#host, event, new ReportResizeEvent(reportId, size, this.#options.dashboard()?.id))) return;
    await (await actionWork()).resizeReportNow(this.#options, reportId, size);
  }

  /**
   * (v2) Duplicates a report beside itself, or copies it to another dashboard the user may edit
   * (through the store, which checks the right again), once the host allowed it. The copy gets a
   * new id; a duplicate on the same dashboard is titled as a copy.
   */
  async duplicate(event: ReportDuplicateEvent): Promise<void> {
    const dashboard = this.#options.dashboard();
    const { reportId, toDashboardId } = event.detail;
    const where = { ...(toDashboardId === undefined ? {} : { toDashboardId }), ...(dashboard ? { dashboardId: dashboard.id } : {}) };
    if (!allowedByHost(this.#host, event, new ReportDuplicateEvent(reportId, where)) || !dashboard) return;
    await (await actionWork()).duplicateReportNow(this.#options, dashboard, reportId, toDashboardId);
  }

  /** A report chosen in the report library, added once the host allowed it. */
  async add(event: ReportAddEvent): Promise<void> {
    const { spec, sourceId } = event.detail;
    const dashboardId = this.#options.dashboard()?.id;
    if (!allowedByHost(this.#host, event, new ReportAddEvent({ spec, sourceId, ...(dashboardId === undefined ? {} : { dashboardId }) }))) return;
    await (await actionWork()).addReportNow(this.#options, spec);
  }

  /** A tile's drill: true once the host allowed it, when the dashboard may open its drill dialog. */
  drillAllowed(event: ReportDrillEvent): boolean {
    const dashboardId = this.#options.dashboard()?.id;
    return allowedByHost(this.#host, event, new ReportDrillEvent({ ...event.detail, ...(dashboardId === undefined ? {} : { dashboardId }) }));
  }

  /** A tile's Edit: the report editor opens once the host allowed it. */
  async edit(event: ReportEditEvent): Promise<void> {
    const { spec } = event.detail;
    if (!allowedByHost(this.#host, event, new ReportEditEvent(spec, this.#options.dashboard()?.id))) return;
    await this.#openEditor(spec);
  }

  /** Opens the report editor, loaded on first use so it stays out of the initial bundle. */
  async #openEditor(spec: ReportSpec): Promise<void> {
    await editorParts.load();
    const { edit, editorDialog } = this.#options;
    // The one lifecycle hook it needs is the dialog's own.
    this.#editorDialog ??= new editorParts.value!.ModalDialogController(this.#host, editorDialog, () => edit(null));
    edit(spec);
    await this.#host.updateComplete;
    this.#editorDialog.open();
  }

  /** The editor on a new custom report (the report library's "Custom report"), once the host allowed it. */
  async createCustom(event: ReportCreateCustomEvent): Promise<void> {
    if (!allowedByHost(this.#host, event, new ReportCreateCustomEvent(this.#options.dashboard()?.id))) return;
    await this.#openEditor({
      id: `custom-${crypto.randomUUID().slice(0, 8)}`,
      title: this.#options.t('dashboard.newReport'),
      chartType: 'bar',
      dimension: 'assigneeId',
      measure: { op: 'count' },
      filters: [],
      dateProperty: 'createdAt',
    });
  }

  closeEditor(): void {
    void this.#editorDialog?.close();
    this.#options.edit(null);
  }

  /** The editor's save: stored once the host allowed it. Vetoed, the editor stays open, so the user sees nothing was stored and can cancel. */
  async saveFromEditor(event: ReportSaveEvent): Promise<void> {
    const dashboard = this.#options.dashboard();
    const spec = event.detail.spec;
    if (!allowedByHost(this.#host, event, new ReportSaveEvent({ spec, ...(dashboard ? { dashboardId: dashboard.id } : {}) })) || !dashboard) return;
    this.closeEditor();
    await (await actionWork()).saveReportNow(this.#options, spec, dashboard);
  }
}
