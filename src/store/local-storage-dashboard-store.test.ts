import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DashboardInput } from '../core/schema/dashboard.ts';
import type { StoreProblem } from './dashboard-store.ts';
import { ConflictError, ForbiddenError, NotFoundError, StoreError } from './errors.ts';
import { LocalStorageDashboardStore } from './local-storage-dashboard-store.ts';
import { owner, teammate } from '../../test/harness/users.ts';
import { teamDashboard } from '../../test/harness/team-dashboard.ts';

/** Just the Storage methods, kept apart from the kit's own MemoryStorage so the test checks the contract. */
class FakeStorage {
  items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const dashboard = (id: string, extra: Partial<DashboardInput> = {}) => teamDashboard(id, [{ id: 'r1', title: 'Email volume', channel: 'email', chartType: 'line', dimension: 'createdAt', timeBucket: 'day', measure: { op: 'count' } }], extra);

describe('LocalStorageDashboardStore', () => {
  test('round trip: one versioned entry per dashboard, readable by a new store', async () => {
    const storage = new FakeStorage();
    const store = new LocalStorageDashboardStore({ storage });
    const saved = await store.save(dashboard('a'), owner);
    await store.save(dashboard('b', { privacy: 'private', teamId: undefined }), owner);
    assert.deepEqual([...storage.items.keys()].sort(), ['conversation-reports:dashboard:a', 'conversation-reports:dashboard:b']);
    const entry = JSON.parse(storage.getItem('conversation-reports:dashboard:a')!);
    assert.equal(entry.version, 1);
    assert.deepEqual(entry.dashboard, saved);

    const reopened = new LocalStorageDashboardStore({ storage });
    assert.deepEqual(await reopened.get('a', teammate), saved);
    assert.deepEqual((await reopened.list(owner)).map((d) => d.id), ['a', 'b']);
    assert.deepEqual((await reopened.list(teammate)).map((d) => d.id), ['a']);
    await reopened.delete('b', owner);
    assert.equal(storage.getItem('conversation-reports:dashboard:b'), null);
    await assert.rejects(reopened.get('b', owner), NotFoundError);
    await assert.rejects(reopened.delete('b', owner), NotFoundError);
  });

  test('the key prefix is configurable', async () => {
    const storage = new FakeStorage();
    await new LocalStorageDashboardStore({ storage, key: 'acme' }).save(dashboard('a'), owner);
    assert.deepEqual([...storage.items.keys()], ['acme:dashboard:a']);
    assert.deepEqual(await new LocalStorageDashboardStore({ storage }).list(owner), []);
  });

  test('the same permission rules apply', async () => {
    const store = new LocalStorageDashboardStore({ storage: new FakeStorage() });
    await store.save(dashboard('p', { privacy: 'private', teamId: undefined }), owner);
    await store.save(dashboard('t'), owner);
    await assert.rejects(store.get('p', teammate), ForbiddenError);
    await assert.rejects(store.delete('t', teammate), ForbiddenError);
    await assert.rejects(store.save({ ...(await store.get('t', teammate)), privacy: 'everyone' }, teammate), ForbiddenError);
    await store.save({ ...(await store.get('t', teammate)), name: 'ok' }, teammate);
    await assert.rejects(store.save(dashboard('v', { ownerId: 'vera' }), { id: 'vera', teamIds: [], canEdit: false }), ForbiddenError);
  });

  test('corrupted, foreign, wrong-version and invalid entries are skipped and reported; the rest load', async () => {
    const storage = new FakeStorage();
    const good = new LocalStorageDashboardStore({ storage });
    await good.save(dashboard('good-1'), owner);
    await good.save(dashboard('good-2'), owner);
    const p = 'conversation-reports:dashboard:';
    storage.setItem(`${p}corrupt`, '{"version": 1, "dashboard": {');
    storage.setItem(`${p}foreign`, JSON.stringify({ hello: 'world' }));
    storage.setItem(`${p}future`, JSON.stringify({ version: 2, dashboard: dashboard('future') }));
    storage.setItem(`${p}invalid`, JSON.stringify({ version: 1, dashboard: { ...dashboard('invalid'), privacy: 'public' } }));
    storage.setItem(`${p}moved`, JSON.stringify({ version: 1, dashboard: dashboard('elsewhere') }));
    storage.setItem('someone-else:settings', 'not json at all');

    const reported: StoreProblem[] = [];
    const store = new LocalStorageDashboardStore({ storage, onProblem: (problem) => reported.push(problem) });
    assert.deepEqual((await store.list(owner)).map((d) => d.id), ['good-1', 'good-2']);
    const byKey = Object.fromEntries(reported.map((r) => [r.key.slice(p.length), r.message]));
    assert.deepEqual(Object.keys(byKey).sort(), ['corrupt', 'foreign', 'future', 'invalid', 'moved']);
    assert.match(byKey['corrupt']!, /not valid JSON/);
    assert.match(byKey['foreign']!, /not a dashboard entry/);
    assert.match(byKey['future']!, /version 2/);
    assert.match(byKey['invalid']!, /privacy must be one of/);
    assert.match(byKey['moved']!, /"elsewhere" instead of "moved"/);
    assert.deepEqual(store.problems.map((x) => x.key).sort(), reported.map((x) => x.key).sort());

    await store.list(owner);
    assert.equal(reported.length, 5, 'each problem is reported once');

    // An unreadable entry is never overwritten or deleted behind the user's back.
    const before = storage.getItem(`${p}future`);
    await assert.rejects(store.save(dashboard('future'), owner), (error: unknown) => {
      assert.ok(error instanceof StoreError);
      assert.match(error.message, /Cannot save dashboard "future": its stored entry has version 2/);
      return true;
    });
    await assert.rejects(store.get('corrupt', owner), /not valid JSON/);
    await assert.rejects(store.delete('foreign', owner), StoreError);
    assert.equal(storage.getItem(`${p}future`), before);

    storage.removeItem(`${p}corrupt`);
    await store.list(owner);
    assert.equal(store.problems.some((x) => x.key === `${p}corrupt`), false, 'a fixed entry is no longer a problem');
  });

  test('two tabs editing different dashboards keep both edits', async () => {
    const storage = new FakeStorage();
    const setup = new LocalStorageDashboardStore({ storage });
    await setup.save(dashboard('a'), owner);
    await setup.save(dashboard('b'), owner);
    const tab1 = new LocalStorageDashboardStore({ storage });
    const tab2 = new LocalStorageDashboardStore({ storage });
    const a = await tab1.get('a', owner);
    const b = await tab2.get('b', owner);
    await tab1.save({ ...a, name: 'A from tab 1' }, owner);
    await tab2.save({ ...b, name: 'B from tab 2' }, owner);
    const names = (await setup.list(owner)).map((d) => d.name);
    assert.deepEqual(names, ['A from tab 1', 'B from tab 2']);
  });

  test('two tabs editing the same dashboard: the later save is a conflict, not an overwrite', async () => {
    const storage = new FakeStorage();
    const tab1 = new LocalStorageDashboardStore({ storage });
    const tab2 = new LocalStorageDashboardStore({ storage });
    await tab1.save(dashboard('a'), owner);
    const seen1 = await tab1.get('a', owner);
    const seen2 = await tab2.get('a', teammate);
    await tab2.save({ ...seen2, name: 'Tom’s name' }, teammate);
    await assert.rejects(tab1.save({ ...seen1, name: 'Olivia’s name' }, owner), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.equal(error.name, 'ConflictError');
      assert.equal(error.local.name, 'Olivia’s name');
      assert.equal(error.remote?.name, 'Tom’s name');
      assert.match(error.message, /"a" was changed by someone else/);
      return true;
    });
    assert.equal((await tab2.get('a', owner)).name, 'Tom’s name');
    // Having been shown the remote version, saving again is the user's deliberate choice.
    await tab1.save({ ...seen1, name: 'Olivia’s name' }, owner);
    assert.equal((await tab2.get('a', owner)).name, 'Olivia’s name');

    await tab2.delete('a', owner);
    await assert.rejects(tab1.save({ ...seen1, name: 'again' }, owner), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.equal(error.remoteDeleted, true);
      assert.equal(error.remote, undefined);
      return true;
    });
  });

  test('creating over an id that another tab already used is a conflict', async () => {
    const storage = new FakeStorage();
    await new LocalStorageDashboardStore({ storage }).save(dashboard('a'), owner);
    await assert.rejects(new LocalStorageDashboardStore({ storage }).save(dashboard('a', { name: 'mine' }), owner), ConflictError);
  });

  test('a full storage is a StoreError naming the dashboard', async () => {
    const storage = new FakeStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    await assert.rejects(new LocalStorageDashboardStore({ storage }).save(dashboard('a'), owner), /Dashboard "a" could not be saved/);
  });

  test('hands out copies', async () => {
    const store = new LocalStorageDashboardStore({ storage: new FakeStorage() });
    const d = dashboard('a');
    const saved = await store.save(d, owner);
    d.name = 'x';
    saved.reports.length = 0;
    const got = await store.get('a', owner);
    got.name = 'y';
    assert.equal((await store.get('a', owner)).name, 'Dashboard a');
    assert.equal((await store.get('a', owner)).reports.length, 1);
  });

  test('without localStorage it keeps dashboards in memory and says so', async () => {
    const reported: StoreProblem[] = [];
    const store = new LocalStorageDashboardStore({ onProblem: (problem) => reported.push(problem) });
    await store.save(dashboard('a'), owner);
    assert.equal((await store.get('a', owner)).id, 'a');
    assert.equal(reported.length, 1);
    assert.equal(reported[0]!.key, 'conversation-reports');
    assert.match(reported[0]!.message, /not available/);
  });
});

describe('LocalStorageDashboardStore.subscribe', () => {
  function storageEvent(key: string | null, storageArea?: unknown): Event {
    return Object.assign(new Event('storage'), { key, storageArea });
  }

  test('a storage event for our keys calls subscribers; unsubscribe removes the listener', async () => {
    const storage = new FakeStorage();
    const events = new EventTarget();
    const store = new LocalStorageDashboardStore({ storage, events });
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    events.dispatchEvent(storageEvent('conversation-reports:dashboard:a', storage));
    events.dispatchEvent(storageEvent(null, storage)); // storage.clear() in another tab
    assert.equal(calls, 2);
    events.dispatchEvent(storageEvent('another-app:thing', storage));
    events.dispatchEvent(storageEvent('conversation-reports:dashboard:a', new FakeStorage())); // e.g. sessionStorage
    assert.equal(calls, 2);
    await store.save(dashboard('a'), owner);
    assert.equal(calls, 3, 'saves in this tab are announced too');
    unsubscribe();
    events.dispatchEvent(storageEvent('conversation-reports:dashboard:a', storage));
    await store.save({ ...(await store.get('a', owner)), name: 'x' }, owner);
    assert.equal(calls, 3);
  });

  test('listens on globalThis when it is an EventTarget, as a browser window is', () => {
    // Node 20's globalThis is not an EventTarget; give it the methods for this test only.
    const target = new EventTarget();
    const scope = globalThis as unknown as Partial<EventTarget>;
    scope.addEventListener = target.addEventListener.bind(target);
    scope.removeEventListener = target.removeEventListener.bind(target);
    try {
      const store = new LocalStorageDashboardStore({ storage: new FakeStorage() });
      let calls = 0;
      const unsubscribe = store.subscribe(() => calls++);
      target.dispatchEvent(storageEvent('conversation-reports:dashboard:x'));
      unsubscribe();
      target.dispatchEvent(storageEvent('conversation-reports:dashboard:x'));
      assert.equal(calls, 1);
    } finally {
      delete scope.addEventListener;
      delete scope.removeEventListener;
    }
  });
});

describe('LocalStorageDashboardStore keeps a dashboard’s business hours and SLA (DESIGN v2)', () => {
  test('they survive a save and a reload; a bad schedule is refused naming the field', async () => {
    const storage = new FakeStorage();
    const businessHours = { timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']] as [string, string][] }, holidays: ['2026-12-25'] };
    const sla = { firstResponseMs: 3_600_000, businessHours: true };
    await new LocalStorageDashboardStore({ storage }).save(dashboard('a', { businessHours, sla }), owner);
    const reopened = await new LocalStorageDashboardStore({ storage }).get('a', owner);
    assert.deepEqual(reopened.businessHours, businessHours);
    assert.deepEqual(reopened.sla, sla);
    await assert.rejects(
      new LocalStorageDashboardStore({ storage }).save(dashboard('b', { businessHours: { timeZone: 'Europe/Amsterdam', week: { mon: [['17:00', '09:00']] } } }), owner),
      (error: Error) => /businessHours\.week\.mon\.0/.test(error.message),
    );
  });
});
