import type { Dashboard, DashboardUser } from '../core/schema/dashboard.ts';
import type { DashboardDraft } from './dashboard-store.ts';
import { ForbiddenError, ValidationError } from './errors.ts';

/**
 * The one place the sharing rules live. Every store calls these before touching storage, and the
 * UI calls the boolean ones to hide controls — so the two can never disagree.
 */

type Sharing = Pick<Dashboard, 'ownerId' | 'privacy' | 'teamId'>;

function isOwner(dashboard: Sharing, user: DashboardUser): boolean {
  return dashboard.ownerId === user.id;
}

function isMember(teamId: string | undefined, user: DashboardUser): boolean {
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
function mayEdit(user: DashboardUser): boolean {
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

/** @throws ForbiddenError */
export function assertCanRead(stored: Dashboard, user: DashboardUser): void {
  if (!canSee(stored, user)) throw new ForbiddenError('read', stored.id, 'it is not shared with this user');
}

/**
 * Fills in a left-out `ownerId`: the saving user for a new dashboard, the current owner for an
 * existing one. An ownerId that is given is kept, so the rules below can refuse it.
 */
export function withOwner(draft: DashboardDraft, stored: Dashboard | undefined, user: DashboardUser): DashboardDraft {
  if (draft.ownerId !== undefined && draft.ownerId !== '') return draft;
  return { ...draft, ownerId: stored?.ownerId ?? user.id };
}

function assertTeam(action: 'create' | 'update', next: Dashboard, user: DashboardUser): void {
  if (next.privacy !== 'team') return;
  if (next.teamId === undefined || next.teamId === '')
    throw new ValidationError(next.id, [{ field: 'teamId', message: 'is required for a team dashboard' }]);
  if (!isMember(next.teamId, user))
    throw new ForbiddenError(action, next.id, `the user is not a member of team "${next.teamId}"`);
}

const sharingFields = ['ownerId', 'privacy', 'teamId'] as const;

/**
 * `stored` is the current version (undefined when creating), `next` the validated dashboard to
 * store.
 * @throws ForbiddenError | ValidationError
 */
export function assertCanSave(stored: Dashboard | undefined, next: Dashboard, user: DashboardUser): void {
  const action = stored === undefined ? 'create' : 'update';
  if (!mayEdit(user)) throw new ForbiddenError(action, next.id, 'the user may not edit dashboards');
  if (stored === undefined) {
    if (!isOwner(next, user))
      throw new ForbiddenError('create', next.id, 'a new dashboard must belong to the user creating it');
    assertTeam('create', next, user);
    return;
  }
  if (!canSee(stored, user)) throw new ForbiddenError('update', stored.id, 'it is not shared with this user');
  const changed = sharingFields.filter((field) => (stored[field] ?? '') !== (next[field] ?? ''));
  if (changed.length === 0) return;
  if (!isOwner(stored, user))
    throw new ForbiddenError('update', stored.id, `only its owner may change ${changed.join(', ')}`);
  if (changed.includes('privacy') || changed.includes('teamId')) assertTeam('update', next, user);
}

/** @throws ForbiddenError */
export function assertCanDelete(stored: Dashboard, user: DashboardUser): void {
  if (!mayEdit(user)) throw new ForbiddenError('delete', stored.id, 'the user may not edit dashboards');
  if (!canSee(stored, user)) throw new ForbiddenError('delete', stored.id, 'it is not shared with this user');
  if (!isOwner(stored, user)) throw new ForbiddenError('delete', stored.id, 'only its owner may delete it');
}
