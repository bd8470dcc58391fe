import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Dashboard, DashboardInput, DashboardUser } from '../core/schema/dashboard.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { MemoryDashboardStore } from './memory-dashboard-store.ts';
import { outsider, owner, teammate, viewer } from '../../test/harness/users.ts';

const report = {
  id: 'r-volume',
  title: 'Chat volume by assignee',
  channel: 'chat',
  chartType: 'bar',
  dimension: 'assigneeId',
  measure: { op: 'count' },
} as const;

function input(privacy: Dashboard['privacy'], extra: Partial<DashboardInput> = {}): DashboardInput {
  return {
    id: `d-${privacy}`,
    name: `${privacy} dashboard`,
    ownerId: owner.id,
    privacy,
    ...(privacy === 'team' ? { teamId: 'support' } : {}),
    reports: [report],
    ...extra,
  };
}

function store(): MemoryDashboardStore {
  return new MemoryDashboardStore([input('private'), input('team'), input('everyone')]);
}

const ids = (dashboards: Dashboard[]) => dashboards.map((d) => d.id).sort();

function forbidden(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof ForbiddenError, `expected ForbiddenError, got ${String(error)}`);
    assert.equal(error.name, 'ForbiddenError');
    assert.match(error.message, pattern);
    return true;
  };
}

describe('list shows only what the user may see', () => {
  const expected: [DashboardUser, string[]][] = [
    [owner, ['d-everyone', 'd-private', 'd-team']],
    [teammate, ['d-everyone', 'd-team']],
    [outsider, ['d-everyone']],
    [viewer, ['d-everyone', 'd-team']],
  ];
  for (const [user, visible] of expected)
    test(user.id, async () => assert.deepEqual(ids(await store().list(user)), visible));
});

describe('invisible dashboards: get, save and delete are forbidden', () => {
  const invisible: [DashboardUser, string][] = [
    [teammate, 'd-private'],
    [outsider, 'd-private'],
    [outsider, 'd-team'],
    [viewer, 'd-private'],
  ];
  for (const [user, id] of invisible) {
    test(`${user.id} / ${id}`, async () => {
      const s = store();
      const privacy = id.slice(2) as Dashboard['privacy'];
      await assert.rejects(s.get(id, user), forbidden(new RegExp(`open dashboard "${id}"`)));
      await assert.rejects(s.save(input(privacy, { name: 'hijacked' }), user), forbidden(new RegExp(`"${id}"`)));
      await assert.rejects(s.delete(id, user), forbidden(new RegExp(`delete dashboard "${id}"`)));
      assert.equal((await s.get(id, owner)).name, `${privacy} dashboard`);
    });
  }
});

describe('a teammate on a team dashboard', () => {
  test('may change its name and reports', async () => {
    const s = store();
    const d = await s.get('d-team', teammate);
    const saved = await s.save({ ...d, name: 'Support mornings', reports: [...d.reports, { ...report, id: 'r-2' }] }, teammate);
    assert.equal(saved.name, 'Support mornings');
    assert.equal(saved.ownerId, owner.id);
    assert.deepEqual(
      (await s.get('d-team', owner)).reports.map((r) => r.id),
      ['r-volume', 'r-2'],
    );
  });

  for (const [field, value] of [
    ['privacy', 'everyone'],
    ['teamId', 'billing'],
    ['ownerId', 'tom'],
  ] as const) {
    test(`may not change ${field}`, async () => {
      const s = store();
      const d = await s.get('d-team', teammate);
      await assert.rejects(s.save({ ...d, [field]: value }, teammate), forbidden(new RegExp(`only its owner may change ${field}`)));
      assert.deepEqual(await s.get('d-team', owner), d);
    });
  }

  test('may not delete it', async () => {
    const s = store();
    await assert.rejects(s.delete('d-team', teammate), forbidden(/only its owner may delete it/));
    await s.get('d-team', owner);
  });
});

describe('an outsider on an everyone dashboard', () => {
  test('may edit it but not reshare or delete it', async () => {
    const s = store();
    const d = await s.get('d-everyone', outsider);
    await s.save({ ...d, name: 'Edited by Oscar' }, outsider);
    await assert.rejects(s.save({ ...d, privacy: 'private' }, outsider), forbidden(/only its owner may change privacy/));
    await assert.rejects(s.delete('d-everyone', outsider), forbidden(/only its owner/));
  });
});

describe('a user without canEdit', () => {
  test('may read but not create, update or delete', async () => {
    const s = store();
    const d = await s.get('d-team', viewer);
    await assert.rejects(s.save({ ...d, name: 'x' }, viewer), forbidden(/update dashboard "d-team": the user may not edit/));
    await assert.rejects(
      s.save(input('private', { id: 'mine', ownerId: viewer.id }), viewer),
      forbidden(/create dashboard "mine"/),
    );
    await assert.rejects(s.delete('d-team', viewer), forbidden(/delete/));
  });

  test('may not delete even their own dashboard', async () => {
    const s = new MemoryDashboardStore([input('private', { ownerId: viewer.id })]);
    await assert.rejects(s.delete('d-private', viewer), ForbiddenError);
  });
});

describe('the owner', () => {
  test('may reshare, transfer and delete', async () => {
    const s = store();
    const d = await s.get('d-private', owner);
    await s.save({ ...d, privacy: 'team', teamId: 'support' }, owner);
    assert.deepEqual(ids(await s.list(teammate)), ['d-everyone', 'd-private', 'd-team']);
    await s.save({ ...(await s.get('d-team', owner)), ownerId: teammate.id }, owner);
    await s.delete('d-team', teammate);
    await s.delete('d-private', owner);
    assert.deepEqual(ids(await s.list(owner)), ['d-everyone']);
  });

  test('may not share with a team they are not in', async () => {
    const s = store();
    const d = await s.get('d-private', owner);
    await assert.rejects(s.save({ ...d, privacy: 'team', teamId: 'sales' }, owner), forbidden(/not a member of team "sales"/));
  });
});

describe('creating', () => {
  test('sets a missing owner to the creator', async () => {
    const s = new MemoryDashboardStore();
    const { ownerId: _, ...draft } = input('private', { id: 'new' });
    assert.equal((await s.save(draft, teammate)).ownerId, teammate.id);
    assert.deepEqual((await s.get('new', teammate)).layout, {}, 'defaults are filled in');
  });

  test('refuses someone else as owner, and a team the creator is not in', async () => {
    const s = new MemoryDashboardStore();
    await assert.rejects(s.save(input('private', { id: 'n1' }), teammate), forbidden(/must belong to the user creating it/));
    await assert.rejects(
      s.save(input('team', { id: 'n2', ownerId: outsider.id, teamId: 'support' }), outsider),
      forbidden(/not a member of team "support"/),
    );
    await assert.rejects(s.save(input('team', { id: 'n3', teamId: undefined }), owner), ValidationError);
    assert.deepEqual(await s.list(owner), []);
  });
});

describe('not found', () => {
  test('get and delete of a missing id', async () => {
    const s = store();
    await assert.rejects(s.get('nope', owner), (error: unknown) => {
      assert.ok(error instanceof NotFoundError);
      assert.equal(error.name, 'NotFoundError');
      assert.equal(error.dashboardId, 'nope');
      assert.match(error.message, /"nope" was not found/);
      return true;
    });
    await assert.rejects(s.delete('nope', owner), NotFoundError);
  });
});

describe('copies', () => {
  test('mutating what get and list return changes nothing stored', async () => {
    const s = store();
    const d = await s.get('d-team', owner);
    d.name = 'mutated';
    d.reports[0]!.filters.push({ property: 'status', operator: 'is', value: 'open' });
    (d.layout as Record<string, unknown>).wide = ['r-volume'];
    const [first] = await s.list(owner);
    first!.reports.length = 0;
    const again = await s.get('d-team', owner);
    assert.equal(again.name, 'team dashboard');
    assert.deepEqual(again.reports[0]!.filters, []);
    assert.deepEqual(again.layout, {});
    assert.equal((await s.list(owner)).every((x) => x.reports.length === 1), true);
  });

  test('mutating the saved object, or what save returns, changes nothing stored', async () => {
    const s = new MemoryDashboardStore();
    const draft = input('private', {
      id: 'c',
      reports: [{ ...report, filters: [{ property: 'pageUrl', operator: 'in', value: ['a', 'b'] }] }],
      layout: { wide: ['r-volume'], extra: { nested: 1 } },
    });
    const returned = await s.save(draft, owner);
    draft.name = 'changed';
    (draft.reports[0]!.filters![0]!.value as string[]).push('c');
    (draft.layout as { extra: { nested: number } }).extra.nested = 2;
    returned.reports.pop();
    const stored = await s.get('c', owner);
    assert.equal(stored.name, 'private dashboard');
    assert.deepEqual(stored.reports[0]!.filters[0]!.value, ['a', 'b']);
    assert.deepEqual(stored.layout, { wide: ['r-volume'], extra: { nested: 1 } });
  });

  test('the initial array is copied too', async () => {
    const initial = [input('everyone')];
    const s = new MemoryDashboardStore(initial);
    initial[0]!.name = 'changed';
    assert.equal((await s.get('d-everyone', outsider)).name, 'everyone dashboard');
  });
});

describe('validation', () => {
  test('an invalid dashboard is a ValidationError naming each field', async () => {
    const s = store();
    const bad = { ...input('everyone', { id: 'bad' }), privacy: 'public', reports: [{ ...report, title: '' }] };
    await assert.rejects(s.save(bad as unknown as DashboardInput, owner), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.name, 'ValidationError');
      assert.equal(error.dashboardId, 'bad');
      assert.deepEqual(
        error.issues.map((i) => i.field),
        ['privacy', 'reports.0.title'],
      );
      assert.match(error.message, /Dashboard "bad" is invalid: privacy must be one of "private", "team", "everyone"/);
      return true;
    });
    await assert.rejects(s.get('bad', owner), NotFoundError);
  });

  test('invalid or duplicate initial dashboards are refused', () => {
    assert.throws(() => new MemoryDashboardStore([{ ...input('private'), id: '' }]), ValidationError);
    assert.throws(() => new MemoryDashboardStore([input('private'), input('private')]), /used by two initial dashboards/);
  });
});

describe('subscribe', () => {
  test('listeners hear saves and deletes until they unsubscribe', async () => {
    const s = store();
    let calls = 0;
    const unsubscribe = s.subscribe(() => calls++);
    await s.save({ ...(await s.get('d-team', owner)), name: 'x' }, owner);
    await s.delete('d-team', owner);
    assert.equal(calls, 2);
    unsubscribe();
    await s.delete('d-private', owner);
    assert.equal(calls, 2);
  });

  test('a refused save tells nobody', async () => {
    const s = store();
    let calls = 0;
    s.subscribe(() => calls++);
    await assert.rejects(s.delete('d-team', teammate));
    assert.equal(calls, 0);
  });
});
