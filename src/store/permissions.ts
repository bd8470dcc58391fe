import type { Dashboard, DashboardUser } from '../core/schema/dashboard.ts';
import type { DashboardDraft } from './dashboard-store.ts';
import { ForbiddenError, ValidationError } from './errors.ts';
import { canSee, isMember, isOwner, mayEdit } from './permission-checks.ts';

/**
 * The checks every store makes before touching storage, which throw; the yes/no answers they build
 * on, which the elements ask too, are in `permission-checks.ts`.
 */

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
