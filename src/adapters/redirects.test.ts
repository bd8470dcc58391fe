import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { RestDashboardStore } from '../store/rest-dashboard-store.ts';
import { CsvDataSource } from './csv-data-source.ts';
import type { DataSource } from './data-source.ts';
import { HubSpotDataSource } from './hubspot-data-source.ts';
import { RestDataSource } from './rest-data-source.ts';
import { ServerDataSource } from './server-data-source.ts';
import { reportSpecSchema } from '../core/schema/report-spec.ts';

/**
 * Two real servers on 127.0.0.1, so two origins: `home` answers every request with a 302 to
 * `elsewhere`, which would serve valid data. Nothing may reach `elsewhere`, least of all the
 * host's X-Api-Key.
 */
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
let home: Server;
let elsewhere: Server;
let homeUrl = '';
let elsewhereUrl = '';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const page = { conversations: [{ id: 'evil', channel: 'chat', status: 'open', inboxId: 'x', createdAt: 1_700_000_000_000 }], next: null };

before(async () => {
  elsewhere = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const csv = req.url?.endsWith('.csv');
    res.writeHead(200, { 'content-type': csv ? 'text/csv' : 'application/json' });
    res.end(csv ? 'id,channel,status,inboxId,createdAt\nevil,chat,open,x,2026-01-01T00:00:00Z\n' : JSON.stringify(req.url?.includes('dashboards') ? [] : page));
  });
  elsewhereUrl = await listen(elsewhere);
  home = createServer((req, res) => {
    req.resume();
    res.writeHead(302, { location: `${elsewhereUrl}${req.url ?? '/'}` });
    res.end();
  });
  homeUrl = await listen(home);
});
after(async () => {
  await Promise.all([home, elsewhere].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});
beforeEach(() => {
  seen.length = 0;
});

const secret = { 'X-Api-Key': 'host-secret' };
const http = { retries: 0, timeoutMs: 5_000 };
const range = { from: 0, to: Date.UTC(2030, 0, 1) };

async function drain(source: DataSource): Promise<unknown[]> {
  const pages: unknown[] = [];
  for await (const p of source.load({ range, signal: new AbortController().signal })) pages.push(p);
  return pages;
}

function assertNothingReachedElsewhere(): void {
  assert.deepEqual(seen.map((s) => [s.url, s.headers['x-api-key']]), [], 'no request (and no X-Api-Key) reached the other origin');
}

describe('no request follows a redirect to another origin with the host’s credentials', () => {
  test('RestDataSource', async () => {
    const source = new RestDataSource({ url: `${homeUrl}/conversations`, headers: () => secret, ...http });
    await assert.rejects(drain(source), (error: Error) => /redirect/.test(error.message));
    assertNothingReachedElsewhere();
  });

  test('CsvDataSource.fromUrl', async () => {
    await assert.rejects(CsvDataSource.fromUrl(`${homeUrl}/export.csv`, { headers: secret, ...http }), /redirect/);
    assertNothingReachedElsewhere();
  });

  test('HubSpotDataSource (through the host’s proxy)', async () => {
    const source = new HubSpotDataSource({ proxyUrl: `${homeUrl}/hubspot`, headers: () => secret, ...http });
    await assert.rejects(drain(source), /redirect/);
    assertNothingReachedElsewhere();
  });

  test('ServerDataSource', async () => {
    const source = new ServerDataSource({ url: `${homeUrl}/reports`, headers: () => secret, ...http });
    const spec = reportSpecSchema.parse({ id: 'r', title: 'By assignee', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' } });
    await assert.rejects(source.query(spec, { range, timeZone: 'UTC' }, new AbortController().signal), /redirect/);
    assertNothingReachedElsewhere();
  });

  test('RestDashboardStore', async () => {
    const store = new RestDashboardStore({ baseUrl: `${homeUrl}/api`, headers: () => secret });
    await assert.rejects(store.list({ id: 'u', teamIds: [], canEdit: true }), /redirect/);
    assertNothingReachedElsewhere();
  });

  test('a redirect is not retried: one request, one clear error', async () => {
    let requests = 0;
    const counting = createServer((req, res) => {
      requests++;
      res.writeHead(307, { location: `${elsewhereUrl}/x` });
      res.end();
    });
    const url = await listen(counting);
    try {
      const source = new RestDataSource({ url: `${url}/conversations`, headers: () => secret, retries: 3, backoffMs: 0 });
      await assert.rejects(drain(source), (error: Error & { failure?: string }) => error.failure === 'redirect' && /not followed/.test(error.message));
      assert.equal(requests, 1);
    } finally {
      await new Promise<void>((resolve) => counting.close(() => resolve()));
    }
    assertNothingReachedElsewhere();
  });
});
