import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Dashboard, DashboardInput } from '../core/schema/dashboard.ts';
import { ConflictError, ForbiddenError, NotFoundError, StoreError, ValidationError } from './errors.ts';
import { RestDashboardStore } from './rest-dashboard-store.ts';
import { outsider, owner, teammate } from '../../test/harness/users.ts';
import { teamDashboard } from '../../test/harness/team-dashboard.ts';

const dashboard = (id: string, extra: Partial<DashboardInput> = {}) => teamDashboard(id, [{ id: 'r1', title: 'Chats by page', channel: 'chat', chartType: 'bar', dimension: 'pageUrl', measure: { op: 'count' } }], extra);

interface Logged {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/** A small dashboard API with real ETag / If-Match semantics, as a server should implement them. */
class FakeApi {
  entries = new Map<string, { dashboard: unknown; etag: string }>();
  log: Logged[] = [];
  successfulPuts = 0;
  #version = 0;
  /** Lets a test make the server misbehave for one path. */
  override: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;

  reset() {
    this.entries.clear();
    this.log = [];
    this.successfulPuts = 0;
    this.override = undefined;
  }

  seed(d: unknown & { id: string }) {
    this.entries.set(d.id, { dashboard: d, etag: this.#nextEtag() });
  }

  #nextEtag() {
    return `"v${++this.#version}"`;
  }

  async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    this.log.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const send = (status: number, json?: unknown, etag?: string) => {
      res.writeHead(status, {
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(etag === undefined ? {} : { etag }),
      });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };
    if (this.override?.(req, res)) return;
    const auth = req.headers.authorization;
    if (auth === undefined || !auth.startsWith('Bearer ')) return send(401, { message: 'sign in' });
    if (auth === 'Bearer forbidden') return send(403, { message: 'no' });

    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/dashboards' && req.method === 'GET')
      return send(200, [...this.entries.values()].map((e) => e.dashboard));
    const match = /^\/api\/dashboards\/([^/]+)$/.exec(url.pathname);
    if (match === null) return send(404);
    const id = decodeURIComponent(match[1]!);
    const entry = this.entries.get(id);
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    switch (req.method) {
      case 'GET':
        return entry === undefined ? send(404) : send(200, entry.dashboard, entry.etag);
      case 'PUT': {
        if (ifMatch === undefined && ifNoneMatch !== '*') return send(428, { message: 'send If-Match' });
        if (ifMatch !== undefined && (entry === undefined || ifMatch !== entry.etag)) return send(412);
        if (ifNoneMatch === '*' && entry !== undefined) return send(412);
        const dashboard = JSON.parse(body) as { id: string };
        if (dashboard.id !== id) return send(422, { issues: [{ field: 'id', message: 'does not match the URL' }] });
        const etag = this.#nextEtag();
        this.entries.set(id, { dashboard, etag });
        this.successfulPuts++;
        return send(entry === undefined ? 201 : 200, dashboard, etag);
      }
      case 'DELETE':
        if (entry === undefined) return send(404);
        if (ifMatch !== undefined && ifMatch !== entry.etag) return send(412);
        this.entries.delete(id);
        return send(204);
      default:
        return send(405);
    }
  }
}

const api = new FakeApi();
let server: Server;
let baseUrl = '';

before(async () => {
  server = createServer((req, res) => {
    api.handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => api.reset());

function client(token = 'token') {
  return new RestDashboardStore({ baseUrl, headers: () => ({ authorization: `Bearer ${token}` }) });
}

describe('RestDashboardStore', () => {
  test('round trip with ETags, If-None-Match on create and If-Match after', async () => {
    const store = client();
    const created = await store.save(dashboard('a'), owner);
    assert.equal(api.log.at(-1)!.headers['if-none-match'], '*');
    assert.deepEqual(await store.get('a', teammate), created);
    const etag = api.entries.get('a')!.etag;
    const renamed = await store.save({ ...created, name: 'Renamed' }, teammate);
    assert.equal(renamed.name, 'Renamed');
    assert.equal(api.log.at(-1)!.method, 'PUT');
    assert.equal(api.log.at(-1)!.headers['if-match'], etag);
    assert.deepEqual((await store.list(owner)).map((d) => d.name), ['Renamed']);
    await store.delete('a', owner);
    assert.equal(api.log.at(-1)!.method, 'DELETE');
    assert.equal(api.entries.size, 0);
    await assert.rejects(store.get('a', owner), NotFoundError);
    await assert.rejects(store.delete('a', owner), NotFoundError);
  });

  test('delete sends the ETag it last saw', async () => {
    const store = client();
    await store.save(dashboard('a'), owner);
    const etag = api.entries.get('a')!.etag;
    await store.delete('a', owner);
    assert.equal(api.log.at(-1)!.headers['if-match'], etag);
  });

  test('ids are URL-encoded', async () => {
    const store = client();
    const id = 'q3/report ?#ü';
    await store.save(dashboard(id), owner);
    assert.equal(api.log.at(-1)!.url, `/api/dashboards/${encodeURIComponent(id)}`);
    assert.equal((await store.get(id, owner)).id, id);
    assert.ok(api.entries.has(id));
  });

  test('the auth hook is called for every request', async () => {
    let calls = 0;
    const store = new RestDashboardStore({
      baseUrl,
      headers: async () => ({ authorization: `Bearer call-${++calls}` }),
    });
    await store.save(dashboard('a'), owner);
    await store.get('a', owner);
    await store.list(owner);
    assert.equal(calls, 3);
    assert.deepEqual(
      api.log.map((l) => l.headers.authorization),
      ['Bearer call-1', 'Bearer call-2', 'Bearer call-3'],
    );
  });

  test('a save after another client saved is a ConflictError with both versions', async () => {
    api.seed(dashboard('a') as Dashboard);
    const alice = client();
    const bob = client();
    const seenByAlice = await alice.get('a', owner);
    const seenByBob = await bob.get('a', teammate);
    await bob.save({ ...seenByBob, name: 'Bob’s name' }, teammate);
    await assert.rejects(alice.save({ ...seenByAlice, name: 'Alice’s name' }, owner), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.equal(error.status, 412);
      assert.equal(error.local.name, 'Alice’s name');
      assert.equal(error.remote?.name, 'Bob’s name');
      assert.equal(error.remoteDeleted, false);
      return true;
    });
    assert.equal((api.entries.get('a')!.dashboard as Dashboard).name, 'Bob’s name');
    // Alice has now been shown Bob's version; saving again is her decision.
    await alice.save({ ...seenByAlice, name: 'Alice’s name' }, owner);
    assert.equal((api.entries.get('a')!.dashboard as Dashboard).name, 'Alice’s name');
  });

  test('a save after another client deleted is a ConflictError that says so', async () => {
    api.seed(dashboard('a') as Dashboard);
    const alice = client();
    const seen = await alice.get('a', owner);
    await client().delete('a', owner);
    await assert.rejects(alice.save({ ...seen, name: 'x' }, owner), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.equal(error.remoteDeleted, true);
      assert.equal(error.local.name, 'x');
      return true;
    });
    assert.equal(api.entries.size, 0);
  });

  test('deleting a dashboard someone changed since it was read is a conflict', async () => {
    api.seed(dashboard('a') as Dashboard);
    const alice = client();
    const bob = client();
    await alice.get('a', owner);
    await bob.save({ ...(await bob.get('a', teammate)), name: 'Bob’s name' }, teammate);
    await assert.rejects(alice.delete('a', owner), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.equal(error.remote?.name, 'Bob’s name');
      return true;
    });
    assert.ok(api.entries.has('a'));
  });

  test('creating with an id that already exists is a conflict, not an overwrite', async () => {
    api.seed(dashboard('a', { name: 'Theirs' }) as Dashboard);
    await assert.rejects(client().save(dashboard('a', { name: 'Mine' }), owner), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.equal(error.remote?.name, 'Theirs');
      return true;
    });
    assert.equal((api.entries.get('a')!.dashboard as Dashboard).name, 'Theirs');
  });

  test('a version seen only in a list is saved with a fresh ETag, unless it changed meanwhile', async () => {
    api.seed(dashboard('a') as Dashboard);
    api.seed(dashboard('b') as Dashboard);
    const store = client();
    const [a, b] = await store.list(owner);
    await store.save({ ...a!, name: 'A2' }, owner);
    const put = api.log.at(-1)!;
    assert.equal(put.method, 'PUT');
    assert.ok(put.headers['if-match']);
    assert.equal(api.log.at(-2)!.method, 'GET');

    const other = client();
    await other.save({ ...(await other.get('b', owner)), name: 'B by someone else' }, owner);
    await assert.rejects(store.save({ ...b!, name: 'B2' }, owner), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.equal(error.remote?.name, 'B by someone else');
      return true;
    });
    assert.equal((api.entries.get('b')!.dashboard as Dashboard).name, 'B by someone else');
  });

  test('50 concurrent saves from the same ETag: exactly one wins, 49 conflict', async () => {
    api.seed(dashboard('shared') as Dashboard);
    const clients = Array.from({ length: 50 }, () => client());
    const seen = await Promise.all(clients.map((c) => c.get('shared', teammate)));
    const etag = api.entries.get('shared')!.etag;
    const results = await Promise.allSettled(
      clients.map((c, i) => c.save({ ...seen[i]!, name: `Edit ${i}` }, teammate)),
    );
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r, i) => (r.status === 'rejected' ? [[i, r.reason] as const] : []));
    assert.equal(won.length, 1);
    assert.equal(lost.length, 49);
    assert.equal(api.successfulPuts, 1);
    const puts = api.log.filter((l) => l.method === 'PUT');
    assert.equal(puts.length, 50);
    assert.ok(puts.every((l) => l.headers['if-match'] === etag), 'every client sent the ETag it read');
    const winner = won[0]!.name;
    assert.equal((api.entries.get('shared')!.dashboard as Dashboard).name, winner);
    for (const [i, error] of lost) {
      assert.ok(error instanceof ConflictError, String(error));
      assert.equal(error.local.name, `Edit ${i}`, 'the losing client keeps its own edit');
      assert.equal(error.remote?.name, winner);
    }
  });

  test('403 and 401 are ForbiddenError; 404 is NotFoundError; 422 is ValidationError', async () => {
    api.seed(dashboard('a') as Dashboard);
    await assert.rejects(client('forbidden').get('a', owner), (error: unknown) => {
      assert.ok(error instanceof ForbiddenError);
      assert.equal(error.status, 403);
      assert.match(error.message, /open dashboard "a": the server refused it/);
      return true;
    });
    await assert.rejects(new RestDashboardStore({ baseUrl }).list(owner), ForbiddenError);
    await assert.rejects(client().get('missing', owner), NotFoundError);
    api.override = (req, res) => {
      if (req.method !== 'PUT') return false;
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issues: [{ path: ['reports', 0, 'title'], message: 'is too long' }] }));
      return true;
    };
    await assert.rejects(client().save(dashboard('new'), owner), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.issues, [{ field: 'reports.0.title', message: 'is too long' }]);
      return true;
    });
  });

  test('the permission rules are checked before anything is sent', async () => {
    api.seed(dashboard('team') as Dashboard);
    api.seed(dashboard('private', { privacy: 'private', teamId: undefined }) as Dashboard);
    const store = client();
    assert.deepEqual((await store.list(outsider)).map((d) => d.id), [], 'the client filters a list even if the server does not');
    await assert.rejects(store.get('private', teammate), ForbiddenError);
    const seen = await store.get('team', teammate);
    const before = api.log.length;
    await assert.rejects(store.save({ ...seen, privacy: 'everyone' }, teammate), ForbiddenError);
    await assert.rejects(store.delete('team', teammate), ForbiddenError);
    await assert.rejects(store.save(dashboard('x', { ownerId: 'vera' }), { id: 'vera', teamIds: [], canEdit: false }), ForbiddenError);
    await assert.rejects(store.save({ ...dashboard('y'), privacy: 'nope' } as unknown as DashboardInput, owner), ValidationError);
    assert.equal(api.log.length, before, 'no request was sent');
  });

  test('an invalid dashboard from the server is a StoreError; invalid list items are skipped and reported', async () => {
    api.seed({ ...dashboard('bad'), privacy: 'public' } as unknown as Dashboard);
    api.seed(dashboard('good') as Dashboard);
    await assert.rejects(client().get('bad', owner), (error: unknown) => {
      assert.ok(error instanceof StoreError && !(error instanceof ValidationError));
      assert.match(error.message, /server sent an invalid dashboard for "bad"/);
      return true;
    });
    const problems: string[] = [];
    const store = new RestDashboardStore({ baseUrl, headers: () => ({ authorization: 'Bearer t' }), onProblem: (p) => problems.push(p.key) });
    assert.deepEqual((await store.list(owner)).map((d) => d.id), ['good']);
    assert.deepEqual(problems, ['bad']);
  });

  test('an unreachable server is a StoreError', async () => {
    const store = new RestDashboardStore({ baseUrl: 'http://127.0.0.1:1/api' });
    await assert.rejects(store.list(owner), /Could not reach the dashboard server/);
  });
});
