import type { Dashboard } from '../../core/schema/dashboard.ts';
import type { Filter } from '../../core/schema/report-spec.ts';

/**
 * The changes the dashboard saves, as pure functions of the version being saved (the one on screen,
 * or the other side's after a conflict): each finds the report wherever it is now, and gives null
 * when the change no longer applies. Here those the dashboard's own controllers make (reordering,
 * the filter bar); the other tile actions' are in `report-changes.ts`, loaded with them.
 */
export type DashboardChange = (dashboard: Dashboard) => Dashboard | null;

/** Moves `reportId` by `by` places. */
export const moveReport =
  (reportId: string, by: number): DashboardChange =>
  (d) => {
    const at = d.reports.findIndex((r) => r.id === reportId);
    if (at < 0) return null;
    const reports = [...d.reports];
    const [report] = reports.splice(at, 1);
    reports.splice(Math.max(0, Math.min(reports.length, at + by)), 0, report!);
    return { ...d, reports };
  };

/** The dashboard filters saved with it (none: the field goes). */
export const setFilters =
  (filters: Filter[]): DashboardChange =>
  (d) => {
    const { filters: _old, ...rest } = d;
    return filters.length > 0 ? { ...rest, filters } : rest;
  };
