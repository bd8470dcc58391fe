import type { ReactiveElement } from 'lit';
import type { Dashboard, DashboardUser } from '../../core/schema/dashboard.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { TileSize } from '../../events/report-resize-event.ts';
import { dashboardName, reportTitle } from '../../i18n/report-titles.ts';
import { canEditDashboard } from '../../store/permission-checks.ts';
import type { DashboardStore } from '../../store/dashboard-store.ts';
import type { Toast } from './load-status.ts';
import { addReport, insertAfter, removeReport, resizeReport, restoreReport, saveReport } from './report-changes.ts';

/**
 * What the dashboard does once the host allowed a report action (`ReportActionsController` asks it,
 * at once, with its own cancelable event): the change saved, the toast, the announcement. Loaded on
 * the first action, so the first paint does without it.
 */

export interface ReportActionsOptions {
  /** The dashboard on screen. */
  dashboard(): Dashboard | undefined;
  dashboards(): readonly Dashboard[];
  user(): DashboardUser | null;
  store(): DashboardStore | null;
  locale(): string;
  t(key: string, params?: Record<string, string | number>): string;
  /** Saves `change` to the dashboard on screen and opens the result (null: not saved); `copiedFrom` names the built-in dashboard a private copy was made of. */
  persist(change: (dashboard: Dashboard) => Dashboard | null, reason: string): Promise<{ saved: Dashboard; copiedFrom: string | null } | null>;
  /** Stores another dashboard as it is given (null: not saved). */
  save(dashboard: Dashboard): Promise<Dashboard | null>;
  toast(toast: Toast | null): void;
  /** Says `text` to screen readers. */
  announce(text: string): void;
  /** Puts `spec` in the editor (null: none). */
  edit(spec: ReportSpec | null): void;
  editorDialog(): HTMLDialogElement | null;
}

/** A removal: saved, then a toast with Undo, focused (the tile and its menu are gone). */
export async function removeReportNow(host: ReactiveElement, options: ReportActionsOptions, reportId: string): Promise<void> {
  const before = options.dashboard()?.reports ?? [];
  const index = before.findIndex((r) => r.id === reportId);
  const removed = before[index];
  const outcome = await options.persist(removeReport(reportId), 'report-remove');
  if (!outcome || !removed) return;
  // Removing is instant, so it can be taken back.
  const { t } = options;
  const title = reportTitle(removed, options.locale());
  const parts = [t('dashboard.removed', { title }), outcome.copiedFrom ? t('dashboard.copyMade', { name: outcome.copiedFrom }) : ''];
  options.toast({ message: parts.filter(Boolean).join(' '), undo: () => void undoRemove(options, removed, index) });
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLButtonElement>('[part="toast"] .undo')?.focus();
}

async function undoRemove(options: ReportActionsOptions, report: ReportSpec, index: number): Promise<void> {
  options.toast(null);
  const outcome = await options.persist(restoreReport(report, index), 'report-restore');
  if (outcome) options.announce(options.t('dashboard.restored', { title: reportTitle(report, options.locale()) }));
}

/** A tile's new width, saved in the layout (`layout.sizes`). */
export async function resizeReportNow(options: ReportActionsOptions, reportId: string, size: TileSize): Promise<void> {
  await options.persist(resizeReport(reportId, size), 'report-resize');
}

/**
 * Duplicates a report of `dashboard` beside itself, or copies it to another dashboard the user may
 * edit (through the store, which checks the right again). The copy gets a new id; a duplicate on
 * the same dashboard is titled as a copy.
 */
export async function duplicateReportNow(options: ReportActionsOptions, dashboard: Dashboard, reportId: string, toDashboardId: string | undefined): Promise<void> {
  const { t, locale } = options;
  const original = dashboard.reports.find((r) => r.id === reportId);
  if (!original) return;
  const id = `${original.id.slice(0, 60)}-${crypto.randomUUID().slice(0, 8)}`;
  if (toDashboardId === undefined) {
    const title = t('dashboard.copyTitle', { title: reportTitle(original, locale()) }).slice(0, 200);
    const copy: ReportSpec = { ...structuredClone(original), id, title };
    await options.persist(insertAfter(reportId, copy), 'report-duplicate');
    options.announce(t('dashboard.duplicated', { title }));
    return;
  }
  const user = options.user();
  const store = options.store();
  const target = options.dashboards().find((d) => d.id === toDashboardId);
  if (!store || !user || !target || target.ownerId === '' || !canEditDashboard(target, user)) return;
  const saved = await options.save({ ...target, reports: [...target.reports, { ...structuredClone(original), id }] });
  if (saved) options.announce(t('dashboard.copied', { title: reportTitle(original, locale()), dashboard: dashboardName(saved, locale()) }));
}

/** A report chosen in the report library, added. */
export async function addReportNow(options: ReportActionsOptions, spec: ReportSpec): Promise<void> {
  await options.persist(addReport(spec), 'report-add');
}

/** The editor's report, saved against the dashboard as it was when the editor opened: someone else's edit of it since is not overwritten. */
export async function saveReportNow(options: ReportActionsOptions, spec: ReportSpec, opened: Dashboard): Promise<void> {
  await options.persist(saveReport(spec, opened), 'report-save');
}
