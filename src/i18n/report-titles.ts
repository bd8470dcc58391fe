import type { Dashboard } from '../core/schema/dashboard.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import { templateList } from '../core/dashboard/templates.ts';
import { translate } from './translate.ts';

// Keyed by the English text, so copies of a template report (with ids of their own) translate too.
const reportKeys = new Map(templateList.flatMap((t) => t.reports.map((r) => [r.title, `report.${r.id}.title`] as const)));
const dashboardKeys = new Map(templateList.map((t) => [t.name, `template.${t.id}.name`] as const));

/**
 * A template report's title in `locale`, as long as the user kept the template's (English) title;
 * a title the user wrote is theirs and shown as is.
 */
export function reportTitle(spec: Pick<ReportSpec, 'title'>, locale: string): string {
  const key = reportKeys.get(spec.title);
  return key ? translate(locale, key) : spec.title;
}

/** A template dashboard's name in `locale`, unless it was renamed. */
export function dashboardName(dashboard: Pick<Dashboard, 'name'>, locale: string): string {
  const key = dashboardKeys.get(dashboard.name);
  return key ? translate(locale, key) : dashboard.name;
}
