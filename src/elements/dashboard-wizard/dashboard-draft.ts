import { cleanDashboardName } from '../../core/dashboard-name.ts';
import type { DashboardUser, Privacy } from '../../core/schema/dashboard.ts';
import type { DashboardTemplate } from '../../core/templates.ts';
import type { DashboardDraft } from '../../store/dashboard-store.ts';

export interface Team {
  id: string;
  name: string;
}

/** 16 hex digits from the platform's CSPRNG (unlike `randomUUID`, available outside secure contexts too). */
export function randomSuffix(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function newDashboardId(): string {
  return `dashboard-${randomSuffix()}`;
}

/**
 * The teams a dashboard can be shared with: the user's own, in `user.teamIds` order, named from
 * `directory` where it knows them. Other teams are left out because the store refuses them.
 */
export function teamsOf(user: DashboardUser | null, directory: readonly Team[] | null): Team[] {
  const names = new Map((directory ?? []).map((team) => [team.id, team.name]));
  return [...new Set(user?.teamIds ?? [])].map((id) => ({ id, name: names.get(id) || id }));
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
