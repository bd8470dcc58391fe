import { templateList } from '../../core/dashboard/templates.ts';

/** Titles and descriptions of the template reports and dashboards, keyed by their stable ids. */
export const reports: Record<string, string> = Object.fromEntries(
  templateList.flatMap((template) => [
    [`template.${template.id}.name`, template.name],
    [`template.${template.id}.description`, template.description],
    ...template.reports.flatMap((report) => [
      [`report.${report.id}.title`, report.title],
      [`report.${report.id}.description`, report.description ?? ''],
    ]),
  ]),
);
