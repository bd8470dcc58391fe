import { cleanDashboardName } from '../../core/dashboard/dashboard-name.ts';
import type { DashboardUser, Privacy } from '../../core/schema/dashboard.ts';
import type { DashboardTemplate } from '../../core/dashboard/templates.ts';
import type { DashboardDraft } from '../../store/dashboard-store.ts';
import { randomSuffix } from '../shared/random-suffix.ts';

export function newDashboardId(): string {
  return `dashboard-${randomSuffix()}`;
}

export interface DraftChoices {
  template: DashboardTemplate;
  /** The ticked report ids; the template's order is kept whatever order they were ticked in. */
  reportIds: ReadonlySet<string>;
  name: string;
  privacy: Privacy;
  teamId: string;
}

/** A new dashboard owned by `user`; report specs are copies, so the template stays untouched. */
export function buildDashboardDraft(choices: DraftChoices, user: DashboardUser): DashboardDraft {
  const reports = choices.template.reports.filter((report) => choices.reportIds.has(report.id));
  return {
    id: newDashboardId(),
    name: cleanDashboardName(choices.name),
    ownerId: user.id,
    privacy: choices.privacy,
    ...(choices.privacy === 'team' ? { teamId: choices.teamId } : {}),
    reports: structuredClone(reports),
    layout: {},
  };
}
