import type { Dashboard, DashboardUser } from '../core/schema/dashboard.ts';

/**
 * The sharing rules as yes/no answers: the UI asks them to hide controls, and every store asks them
 * (through `permissions.ts`, which adds the checks that throw) before touching storage, so the two
 * can never disagree. Kept apart from those checks so that a page without a store loads no store
 * errors.
 */

type Sharing = Pick<Dashboard, 'ownerId' | 'privacy' | 'teamId'>;

export function isOwner(dashboard: Sharing, user: DashboardUser): boolean {
  return dashboard.ownerId === user.id;
}

export function isMember(teamId: string | undefined, user: DashboardUser): boolean {
  // Exact ids from a real list: a string's `includes` would match "support" inside "support-desk".
  return teamId !== undefined && Array.isArray(user.teamIds) && user.teamIds.includes(teamId);
}

/** `private`: the owner alone; `team`: the owner and members of `teamId`; `everyone`: all. */
export function canSee(dashboard: Sharing, user: DashboardUser): boolean {
  if (isOwner(dashboard, user)) return true;
  switch (dashboard.privacy) {
    case 'private':
      return false;
    case 'team':
      return isMember(dashboard.teamId, user);
    case 'everyone':
      return true;
  }
}

/** Only the boolean `true` grants editing: the text "false" is truthy. */
export function mayEdit(user: DashboardUser): boolean {
  return user.canEdit === true;
}

/**
 * A dashboard that reached the page outside the store (a `restore()`d view, markup config, a
 * shared link) is shown by the same rule the store applies, so a saved view never shows another
 * user's private or team dashboard. One that belongs to nobody (no `ownerId`, like the built-in
 * templates) is the host's own content and shown to all; without a user, only `everyone`.
 */
export function canSeeOutsideStore(dashboard: Sharing, user: DashboardUser | null): boolean {
  if (dashboard.ownerId === '') return true;
  if (user === null || typeof user !== 'object') return dashboard.privacy === 'everyone';
  return canSee(dashboard, user);
}

export function canCreateDashboard(user: DashboardUser): boolean {
  return mayEdit(user);
}

/** May change the name, reports and layout. */
export function canEditDashboard(dashboard: Sharing, user: DashboardUser): boolean {
  return mayEdit(user) && canSee(dashboard, user);
}

/** May change `ownerId`, `privacy` and `teamId`. */
export function canChangeSharing(dashboard: Sharing, user: DashboardUser): boolean {
  return mayEdit(user) && isOwner(dashboard, user);
}

export function canDeleteDashboard(dashboard: Sharing, user: DashboardUser): boolean {
  return mayEdit(user) && isOwner(dashboard, user);
}
