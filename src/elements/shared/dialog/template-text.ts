import type { ReportSpec } from '../../../core/schema/report-spec.ts';
import { templateList, templateReports, type DashboardTemplate } from '../../../core/dashboard/templates.ts';

export type Translator = (key: string, params?: Record<string, string | number>) => string;

// Only the kit's own templates have catalog entries; a host's template is shown as it was given,
// even when it reuses a built-in id. Specs stay in English either way: tiles translate them later.
function fromCatalog(t: Translator, key: string, fallback: string): string {
  const text = t(key);
  return text === key || text === '' ? fallback : text;
}

export function templateName(t: Translator, template: DashboardTemplate): string {
  return templateList.includes(template) ? fromCatalog(t, `template.${template.id}.name`, template.name) : template.name;
}

export function templateDescription(t: Translator, template: DashboardTemplate): string {
  return templateList.includes(template)
    ? fromCatalog(t, `template.${template.id}.description`, template.description)
    : template.description;
}

export function reportTitleText(t: Translator, report: ReportSpec): string {
  return templateReports.includes(report) ? fromCatalog(t, `report.${report.id}.title`, report.title) : report.title;
}

export function reportDescriptionText(t: Translator, report: ReportSpec): string {
  const description = report.description ?? '';
  return templateReports.includes(report) ? fromCatalog(t, `report.${report.id}.description`, description) : description;
}
