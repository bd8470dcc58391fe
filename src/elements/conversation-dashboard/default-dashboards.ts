import type { Dashboard } from '../../core/schema/dashboard.ts';
import { defaultTemplateList } from '../../core/dashboard/templates.ts';

/** The two template dashboards, shown when there is no store or it holds nothing this user may see. */
export function defaultDashboards(): Dashboard[] {
  return defaultTemplateList.map((template) => ({
    id: template.id,
    name: template.name,
    ownerId: '',
    privacy: 'everyone',
    reports: structuredClone(template.reports),
    layout: {},
  }));
}
