import type { Dashboard } from '../../core/schema/dashboard.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { TileSize } from '../../events/report-resize-event.ts';
import type { DashboardChange } from './dashboard-changes.ts';

/** The changes a tile's Actions, the report library and the editor save (see `DashboardChange`). */

export const removeReport =
  (reportId: string): DashboardChange =>
  (d) => ({ ...d, reports: d.reports.filter((r) => r.id !== reportId) });

/** Puts a removed report back at `index` (or last), unless it is there again. */
export const restoreReport =
  (report: ReportSpec, index: number): DashboardChange =>
  (d) => {
    if (d.reports.some((r) => r.id === report.id)) return null;
    const reports = [...d.reports];
    reports.splice(Math.min(index, reports.length), 0, report);
    return { ...d, reports };
  };

/** A tile's width in `layout.sizes` (and out of the older `wide` list). */
export const resizeReport =
  (reportId: string, size: TileSize): DashboardChange =>
  (d) => {
    if (!d.reports.some((r) => r.id === reportId)) return null;
    const sizes = { ...(d.layout.sizes ?? {}), [reportId]: size };
    const wide = d.layout.wide?.filter((id) => id !== reportId);
    return { ...d, layout: { ...d.layout, sizes, ...(wide ? { wide } : {}) } };
  };

/** `copy` right after the report `reportId`. */
export const insertAfter =
  (reportId: string, copy: ReportSpec): DashboardChange =>
  (d) => {
    const at = d.reports.findIndex((r) => r.id === reportId);
    if (at < 0) return null;
    const reports = [...d.reports];
    reports.splice(at + 1, 0, copy);
    return { ...d, reports };
  };

/** Appends `spec` unless a report with its id is there. */
export const addReport =
  (spec: ReportSpec): DashboardChange =>
  (d) => (d.reports.some((r) => r.id === spec.id) ? d : { ...d, reports: [...d.reports, spec] });

/**
 * The editor's report, replacing its version or appended. `opened` is the dashboard the editor was
 * opened on: on any other version (saved by someone else since), a report changed since is not
 * overwritten.
 */
export function saveReport(spec: ReportSpec, opened: Dashboard): DashboardChange {
  const base = JSON.stringify(opened.reports.find((r) => r.id === spec.id) ?? null);
  return (d) => {
    const current = d.reports.find((r) => r.id === spec.id);
    if (d !== opened && JSON.stringify(current ?? null) !== base) return null;
    return { ...d, reports: current ? d.reports.map((r) => (r.id === spec.id ? spec : r)) : [...d.reports, spec] };
  };
}
