import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { DashboardInput, DashboardUser } from '../core/schema/dashboard.ts';
import { LocalStorageDashboardStore } from './local-storage-dashboard-store.ts';
import { MemoryDashboardStore } from './memory-dashboard-store.ts';
import { MemoryStorage } from './memory-storage.ts';
import { RestDashboardStore } from './rest-dashboard-store.ts';
import type { DashboardStore } from './dashboard-store.ts';

const report = { id: 'r1', title: 'Chats', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' } } as const;
const teamDashboard = (id: string, teamId: string): DashboardInput => ({ id, name: id, ownerId: 'owner', privacy: 'team', teamId, reports: [report] });
const owner: DashboardUser = { id: 'owner', teamIds: ['support', 'fin'], canEdit: true };

/** A server that records every request and answers each as a server with no dashboards would. */
let server: Server;
let base = '';
const requests: { method: string; url: string; key: string | undefined }[] = [];
before(async () => {
  server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', key: req.headers['x-api-key'] as string | undefined });
    res.writeHead(req.url === '/api/dashboards' && req.method === 'GET' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(req.url === '/api/dashboards' ? '[]' : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('REST store: "." and ".." are not dashboard ids', () => {
  test('no PUT, GET or DELETE ever reaches the collection or the API root', async () => {
    const store = new RestDashboardStore({ baseUrl: base, headers: () => ({ 'x-api-key': 'secret' }) });
    requests.length = 0;
    for (const id of ['.', '..']) {
      await assert.rejects(store.save({ ...teamDashboard(id, 'support') }, owner), { name: 'ValidationError', message: /must not be.*"\.\."/ });
      await assert.rejects(store.delete(id, owner), { name: 'ValidationError' });
      await assert.rejects(store.get(id, owner), { name: 'ValidationError' });
    }
    assert.deepEqual(requests, [], 'nothing was sent');
  });

  test('every store refuses to save them', async () => {
    for (const store of [new MemoryDashboardStore(), new LocalStorageDashboardStore({ storage: new MemoryStorage() })] as DashboardStore[])
      await assert.rejects(store.save(teamDashboard('..', 'support'), owner), { name: 'ValidationError' });
  });
});

describe('stores validate the user at run time', () => {
  const comma = { id: 'mallory', teamIds: 'support-desk,finance', canEdit: 'false' } as unknown as DashboardUser;

  async function stores(): Promise<DashboardStore[]> {
    const memory = new MemoryDashboardStore([teamDashboard('support-board', 'support'), teamDashboard('fin-board', 'fin')]);
    const local = new LocalStorageDashboardStore({ storage: new MemoryStorage() });
    for (const d of [teamDashboard('support-board', 'support'), teamDashboard('fin-board', 'fin')]) await local.save(d, owner);
    return [memory, local, new RestDashboardStore({ baseUrl: base })];
  }

  test('a comma-separated teamIds string and a "false" string are a clear error, for every call', async () => {
    for (const store of await stores()) {
      await assert.rejects(store.list(comma), (error: Error) => {
        assert.equal(error.name, 'InvalidUserError');
        assert.match(error.message, /teamIds must be a list/);
        assert.match(error.message, /canEdit must be true or false/);
        return true;
      });
      await assert.rejects(store.get('support-board', comma), { name: 'InvalidUserError' });
      await assert.rejects(store.save(teamDashboard('x', 'support'), comma), { name: 'InvalidUserError' });
      await assert.rejects(store.delete('fin-board', comma), { name: 'InvalidUserError' });
    }
  });

  test('team ids match exactly, never as part of a longer id', async () => {
    const desk: DashboardUser = { id: 'dora', teamIds: ['support-desk', 'finance'], canEdit: true };
    for (const store of await stores()) {
      if (store instanceof RestDashboardStore) continue;
      assert.deepEqual(await store.list(desk), []);
      await assert.rejects(store.get('fin-board', desk), { name: 'ForbiddenError' });
    }
  });

  test('a missing or non-object user is refused', async () => {
    const [memory] = await stores();
    await assert.rejects(memory!.list(undefined as unknown as DashboardUser), { name: 'InvalidUserError', message: /must be an object/ });
    await assert.rejects(memory!.list({ teamIds: [], canEdit: true } as unknown as DashboardUser), { name: 'InvalidUserError', message: /id / });
  });
});
