import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HubSpotDataSource } from '../adapters/hubspot-data-source.ts';
import type { DataPage } from '../adapters/data-source.ts';
import { FakeHubSpot, fillPortal } from '../adapters/testing/fake-hubspot.ts';
import { createHubSpotProxy, type HubSpotProxyOptions } from './hubspot-proxy.ts';
import { toNodeListener } from './node-listener.ts';

const TOKEN = 'pat-na1-00000000-secret-token';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** An upstream on 127.0.0.1: `behave` decides per request. */
let upstream: Server;
let upstreamUrl: string;
let behave: (req: IncomingMessage, res: ServerResponse) => void;
const seen: { url: string; authorization: string | undefined }[] = [];

before(async () => {
  upstream = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    behave(req, res);
  });
  upstreamUrl = await listen(upstream);
});
after(() => upstream.closeAllConnections() ?? upstream.close());

function proxy(options: Partial<HubSpotProxyOptions> = {}) {
  return createHubSpotProxy({ token: TOKEN, authorize: async (request) => (request.headers.get('cookie') === 'session=ok' ? { userId: 'u1' } : null), upstream: upstreamUrl, ...options });
}

const ask = (handler: (request: Request) => Promise<Response>, path: string, init: RequestInit = {}) =>
  handler(new Request(`https://app.example.com/api/hubspot${path}`, { ...init, headers: { cookie: 'session=ok', ...init.headers } }));

function answerJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

describe('createHubSpotProxy', () => {
  test('needs a token and authorize; a request authorize refuses gets 401 and reaches nobody', async () => {
    assert.throws(() => createHubSpotProxy({ token: TOKEN } as HubSpotProxyOptions), /authorize/);
    assert.throws(() => createHubSpotProxy({ token: '', authorize: () => true }), /token/);
    const before = seen.length;
    const response = await proxy()(new Request('https://app.example.com/api/hubspot/conversations/v3/conversations/threads'));
    assert.equal(response.status, 401);
    assert.equal(seen.length, before);
  });

  test('forwards allowed GETs with the token, passes the rate-limit headers, never the token or cookies', async () => {
    behave = (_req, res) =>
      answerJson(res, 200, { results: [] }, {
        'X-HubSpot-RateLimit-Max': '100',
        'X-HubSpot-RateLimit-Remaining': '97',
        'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
        'Set-Cookie': 'hubspotutk=1',
      });
    const response = await ask(proxy(), '/conversations/v3/conversations/threads?limit=500&association=TICKET&inboxId=1&inboxId=2&sort=latestMessageTimestamp&latestMessageTimestampAfter=2026-03-01T00%3A00%3A00.000Z');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { results: [] });
    const last = seen.at(-1)!;
    assert.equal(last.authorization, `Bearer ${TOKEN}`);
    assert.equal(last.url, '/conversations/v3/conversations/threads?limit=500&association=TICKET&inboxId=1&inboxId=2&sort=latestMessageTimestamp&latestMessageTimestampAfter=2026-03-01T00%3A00%3A00.000Z');
    assert.equal(response.headers.get('x-hubspot-ratelimit-remaining'), '97');
    assert.equal(response.headers.get('x-hubspot-ratelimit-interval-milliseconds'), '10000');
    assert.equal(response.headers.get('set-cookie'), null);
    assert.ok(![...response.headers].some(([, value]) => value.includes(TOKEN)));
  });

  test('refuses other methods, paths, parameters and archived threads', async () => {
    behave = (_req, res) => answerJson(res, 200, { results: [] });
    const handler = proxy();
    const before = seen.length;
    assert.equal((await ask(handler, '/conversations/v3/conversations/threads', { method: 'POST', body: '{}' })).status, 405);
    assert.equal((await ask(handler, '/conversations/v3/conversations/threads/1', { method: 'DELETE' })).status, 405);
    assert.equal((await ask(handler, '/crm/v3/objects/contacts')).status, 404);
    assert.equal((await ask(handler, '/conversations/v3/conversations/threads/1/../../../../crm/v3/objects/contacts')).status, 404);
    assert.equal((await ask(handler, '/conversations/v3/conversations/threads/abc/messages')).status, 404);
    assert.equal((await ask(handler, '/conversations/v3/conversations/custom-channels')).status, 404);
    assert.equal((await ask(handler, '/conversations/v3/conversations/threads?hapikey=x')).status, 400);
    assert.equal((await ask(handler, '/conversations/v3/conversations/threads?archived=true')).status, 403);
    assert.equal((await ask(handler, '/conversations/v3/conversations/threads/7/messages?archived=true')).status, 403);
    assert.equal((await ask(proxy({ allow: { actors: false } }), '/conversations/v3/conversations/actors/A-1')).status, 404);
    assert.equal(seen.length, before, 'nothing refused reached HubSpot');
    assert.equal((await ask(proxy({ allow: { archived: true } }), '/conversations/v3/conversations/threads?archived=true')).status, 200);
    assert.equal((await ask(handler, '/conversations/v3/conversations/threads/7/messages?after=abc')).status, 200);
    assert.equal((await ask(handler, '/conversations/v3/conversations/actors/A-2620022')).status, 200);
  });

  test('an upstream that drops the connection gives 502, one that hangs 504, and the process goes on', async () => {
    behave = (req) => req.socket.destroy();
    const handler = proxy({ timeoutMs: 300 });
    const dropped = await ask(handler, '/conversations/v3/conversations/threads');
    assert.equal(dropped.status, 502);
    assert.equal(((await dropped.json()) as { error: { code: string } }).error.code, 'upstream-unreachable');
    behave = () => {};
    const hung = await ask(handler, '/conversations/v3/conversations/inboxes');
    assert.equal(hung.status, 504);
    behave = (_req, res) => answerJson(res, 401, { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' });
    const refused = await ask(handler, '/conversations/v3/conversations/inboxes');
    assert.equal(refused.status, 502, 'HubSpot refusing the token is not the user’s 401');
    behave = (_req, res) => answerJson(res, 429, { status: 'error', policyName: 'TEN_SECONDLY_ROLLING' }, { 'X-HubSpot-RateLimit-Remaining': '0' });
    const limited = await ask(handler, '/conversations/v3/conversations/threads');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('x-hubspot-ratelimit-remaining'), '0');
    behave = (_req, res) => res.writeHead(204).end();
    assert.equal((await ask(handler, '/conversations/v3/conversations/threads')).status, 204);
    behave = (_req, res) => answerJson(res, 200, { results: [] });
    assert.equal((await ask(handler, '/conversations/v3/conversations/threads')).status, 200);
  });

  test('HubSpotDataSource reads a portal through the proxy mounted in node:http', async () => {
    const api = new FakeHubSpot({ now: Date.now, rateLimit: { max: 100, intervalMs: 10_000 } });
    fillPortal(api, 30, { end: Date.UTC(2026, 2, 31) });
    behave = async (req, res) => {
      const answer = await api.fetch(new URL(req.url ?? '/', upstreamUrl));
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(await answer.text());
    };
    const server = createServer(toNodeListener(proxy()));
    const origin = await listen(server);
    try {
      const source = new HubSpotDataSource({ proxyUrl: `${origin}/api/hubspot`, headers: () => ({ cookie: 'session=ok' }) });
      const conversations: unknown[] = [];
      for await (const page of source.load({ range: { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) }, signal: new AbortController().signal }))
        conversations.push(...(page as DataPage).conversations);
      assert.equal(conversations.length, 30);
      assert.equal(api.count('messages'), 30);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
