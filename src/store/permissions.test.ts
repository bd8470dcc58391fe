import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Dashboard, DashboardUser } from '../core/schema/dashboard.ts';
import { ForbiddenError, ValidationError } from './errors.ts';
import { canChangeSharing, canCreateDashboard, canDeleteDashboard, canEditDashboard, canSee } from './permission-checks.ts';
import { assertCanDelete, assertCanRead, assertCanSave, withOwner } from './permissions.ts';
import { outsider, owner, viewer } from '../../test/harness/users.ts';

const teammate: DashboardUser = { id: 'tom', teamIds: ['support', 'billing'], canEdit: true };

function dashboard(privacy: Dashboard['privacy'], extra: Partial<Dashboard> = {}): Dashboard {
  return {
    id: `d-${privacy}`,
    name: `${privacy} dashboard`,
    ownerId: owner.id,
    privacy,
    ...(privacy === 'team' ? { teamId: 'support' } : {}),
    reports: [],
    layout: {},
    ...extra,
  };
}

const privateOne = dashboard('private');
const teamOne = dashboard('team');
const everyoneOne = dashboard('everyone');

describe('canSee', () => {
  const cases: [DashboardUser, Dashboard, boolean][] = [
    [owner, privateOne, true],
    [owner, teamOne, true],
    [owner, everyoneOne, true],
    [teammate, privateOne, false],
    [teammate, teamOne, true],
    [teammate, everyoneOne, true],
    [outsider, privateOne, false],
    [outsider, teamOne, false],
    [outsider, everyoneOne, true],
    [viewer, privateOne, false],
    [viewer, teamOne, true],
    [viewer, everyoneOne, true],
  ];
  for (const [user, d, expected] of cases)
    test(`${user.id} ${expected ? 'sees' : 'does not see'} ${d.privacy}`, () => {
      assert.equal(canSee(d, user), expected);
      assert.equal(expected ? undefined : 'throws', tryRead(d, user));
    });

  test('the owner sees a team dashboard of a team they left', () => {
    assert.equal(canSee(dashboard('team', { teamId: 'gone' }), owner), true);
  });

  test('a team dashboard without a team is the owner’s alone', () => {
    const { teamId: _, ...noTeam } = teamOne;
    assert.equal(canSee(noTeam, teammate), false);
    assert.equal(canSee(noTeam, owner), true);
  });
});

function tryRead(d: Dashboard, user: DashboardUser): string | undefined {
  try {
    assertCanRead(d, user);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof ForbiddenError);
    return 'throws';
  }
}

describe('booleans for the UI', () => {
  test('edit: canEdit and visible', () => {
    assert.equal(canEditDashboard(teamOne, teammate), true);
    assert.equal(canEditDashboard(everyoneOne, outsider), true);
    assert.equal(canEditDashboard(teamOne, outsider), false);
    assert.equal(canEditDashboard(teamOne, viewer), false);
  });

  test('delete and sharing: the owner with canEdit only', () => {
    for (const d of [privateOne, teamOne, everyoneOne]) {
      assert.equal(canDeleteDashboard(d, owner), true);
      assert.equal(canChangeSharing(d, owner), true);
      for (const user of [teammate, outsider, viewer]) {
        assert.equal(canDeleteDashboard(d, user), false);
        assert.equal(canChangeSharing(d, user), false);
      }
    }
    const viewersOwn = dashboard('private', { ownerId: viewer.id });
    assert.equal(canDeleteDashboard(viewersOwn, viewer), false);
  });

  test('create: canEdit', () => {
    assert.equal(canCreateDashboard(owner), true);
    assert.equal(canCreateDashboard(viewer), false);
  });
});

describe('assertCanSave', () => {
  const forbidden = (fn: () => void, pattern: RegExp) =>
    assert.throws(fn, (error: unknown) => error instanceof ForbiddenError && pattern.test(error.message));

  test('creating needs canEdit and the creator as owner', () => {
    assert.doesNotThrow(() => assertCanSave(undefined, privateOne, owner));
    forbidden(() => assertCanSave(undefined, dashboard('private', { ownerId: viewer.id }), viewer), /may not edit/);
    forbidden(() => assertCanSave(undefined, privateOne, teammate), /must belong to the user creating it/);
  });

  test('creating a team dashboard needs a team the user belongs to', () => {
    assert.doesNotThrow(() => assertCanSave(undefined, teamOne, owner));
    forbidden(() => assertCanSave(undefined, dashboard('team', { teamId: 'sales' }), owner), /not a member of team "sales"/);
    const { teamId: _, ...noTeam } = teamOne;
    assert.throws(
      () => assertCanSave(undefined, noTeam, owner),
      (error: unknown) => error instanceof ValidationError && error.issues[0]?.field === 'teamId',
    );
  });

  test('a teammate may change the name and reports, not the sharing', () => {
    assert.doesNotThrow(() => assertCanSave(teamOne, { ...teamOne, name: 'renamed' }, teammate));
    forbidden(() => assertCanSave(teamOne, { ...teamOne, privacy: 'everyone' }, teammate), /only its owner may change privacy/);
    forbidden(() => assertCanSave(teamOne, { ...teamOne, teamId: 'billing' }, teammate), /only its owner may change teamId/);
    forbidden(() => assertCanSave(teamOne, { ...teamOne, ownerId: teammate.id }, teammate), /only its owner may change ownerId/);
  });

  test('invisible or read-only: no update', () => {
    forbidden(() => assertCanSave(privateOne, { ...privateOne, name: 'x' }, teammate), /not shared/);
    forbidden(() => assertCanSave(teamOne, { ...teamOne, name: 'x' }, outsider), /not shared/);
    forbidden(() => assertCanSave(teamOne, { ...teamOne, name: 'x' }, viewer), /may not edit/);
  });

  test('the owner may reshare, but only with a team of theirs', () => {
    assert.doesNotThrow(() => assertCanSave(privateOne, { ...privateOne, privacy: 'everyone' }, owner));
    assert.doesNotThrow(() => assertCanSave(privateOne, { ...privateOne, ownerId: teammate.id }, owner));
    assert.doesNotThrow(() => assertCanSave(privateOne, { ...privateOne, privacy: 'team', teamId: 'support' }, owner));
    forbidden(() => assertCanSave(teamOne, { ...teamOne, teamId: 'sales' }, owner), /not a member/);
  });
});

describe('assertCanDelete', () => {
  test('only the owner with canEdit', () => {
    assert.doesNotThrow(() => assertCanDelete(teamOne, owner));
    assert.throws(() => assertCanDelete(teamOne, teammate), /only its owner may delete it/);
    assert.throws(() => assertCanDelete(privateOne, teammate), /not shared/);
    assert.throws(() => assertCanDelete(dashboard('private', { ownerId: viewer.id }), viewer), ForbiddenError);
  });
});

describe('withOwner', () => {
  test('fills a missing owner: the creator, or the current owner', () => {
    const { ownerId: _, ...draft } = teamOne;
    assert.equal(withOwner(draft, undefined, teammate).ownerId, teammate.id);
    assert.equal(withOwner(draft, teamOne, teammate).ownerId, owner.id);
    assert.equal(withOwner({ ...draft, ownerId: 'someone' }, teamOne, teammate).ownerId, 'someone');
  });
});
