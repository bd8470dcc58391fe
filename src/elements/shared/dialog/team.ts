import type { DashboardUser } from '../../../core/schema/dashboard.ts';

export interface Team {
  id: string;
  name: string;
}

/**
 * The teams a dashboard can be shared with: the user's own, in `user.teamIds` order, named from
 * `directory` where it knows them. Other teams are left out because the store refuses them.
 */
export function teamsOf(user: DashboardUser | null, directory: readonly Team[] | null): Team[] {
  const names = new Map((directory ?? []).map((team) => [team.id, team.name]));
  return [...new Set(user?.teamIds ?? [])].map((id) => ({ id, name: names.get(id) || id }));
}
