// HubSpot in the browser: the IndexedDB snapshot (per portal and user, survives a reload, dropped
// when damaged or of another format), the incremental reload it allows, and the progress text a
// rate-limited load shows on the dashboard.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { openDB } from 'idb';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import { HubSpotDataSource } from '../../src/adapters/hubspot-data-source.ts';
import type { DataPage } from '../../src/adapters/data-source.ts';
import { HUBSPOT_CACHE_FORMAT, type HubSpotCacheSnapshot } from '../../src/adapters/hubspot/hubspot-cache.ts';
import { IndexedDbHubSpotCache } from '../../src/adapters/hubspot/indexeddb-hubspot-cache.ts';
import { FakeHubSpot, fillPortal, specMessage } from '../../src/adapters/testing/fake-hubspot.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { ScriptedSource } from './fake-sources.ts';

let databases = 0;
const freshName = () => `cr-hubspot-test-${Date.now()}-${databases++}`;

function snapshot(ids: string[], syncedAt = 1_000): HubSpotCacheSnapshot {
  return {
    format: HUBSPOT_CACHE_FORMAT,
    syncedAt,
    coverageFrom: 0,
    listedAt: syncedAt,
    settings: '{}',
    threads: ids.map((id) => ({ id, latest: '2026-03-01T00:00:00.000Z', conversation: { id, status: 'open' } })),
  };
}

describe('IndexedDbHubSpotCache', () => {
  it('keeps a snapshot per portal and per user, across a new connection (a reload), until cleared', async () => {
    const name = freshName();
    const first = new IndexedDbHubSpotCache({ portalId: '111', userId: 'ann', databaseName: name });
    await first.write(snapshot(['1', '2']));
    await new IndexedDbHubSpotCache({ portalId: '111', userId: 'bob', databaseName: name }).write(snapshot(['3']));
    await first.close();
    const reloaded = new IndexedDbHubSpotCache({ portalId: '111', userId: 'ann', databaseName: name });
    expect((await reloaded.read())!.threads.map((t) => t.id)).to.deep.equal(['1', '2']);
    expect((await new IndexedDbHubSpotCache({ portalId: '111', userId: 'bob', databaseName: name }).read())!.threads.map((t) => t.id)).to.deep.equal(['3']);
    expect(await new IndexedDbHubSpotCache({ portalId: '222', userId: 'ann', databaseName: name }).read()).to.equal(null);
    await reloaded.clear();
    expect(await reloaded.read()).to.equal(null);
    expect(await new IndexedDbHubSpotCache({ portalId: '111', userId: 'bob', databaseName: name }).read()).to.not.equal(null);
  });

  it('drops a corrupted or old-format record instead of trusting it', async () => {
    const name = freshName();
    const cache = new IndexedDbHubSpotCache({ portalId: '111', userId: 'ann', databaseName: name });
    await cache.write(snapshot(['1']));
    await cache.close();
    const key = JSON.stringify(['111', 'ann']);
    for (const damaged of [
      { ...snapshot(['1']), format: HUBSPOT_CACHE_FORMAT - 1 },
      { ...snapshot(['1']), threads: [{ id: '1', latest: 5, conversation: { id: '1' } }] },
      { ...snapshot(['1', '1']) },
      'not a snapshot',
    ]) {
      const db = await openDB(name, 1);
      await db.put('snapshots', damaged, key);
      db.close();
      const reader = new IndexedDbHubSpotCache({ portalId: '111', userId: 'ann', databaseName: name });
      expect(await reader.read(), JSON.stringify(damaged).slice(0, 40)).to.equal(null);
      await reader.close();
      const check = await openDB(name, 1);
      expect(await check.get('snapshots', key), 'the damaged record is gone').to.equal(undefined);
      check.close();
    }
  });

  it('a reloaded page re-syncs only the threads whose latest message moved', async () => {
    const name = freshName();
    const api = new FakeHubSpot({ now: Date.now });
    fillPortal(api, 60, { end: Date.now() - 86_400_000, days: 20 });
    const range = { from: Date.now() - 30 * 86_400_000, to: Date.now() };
    const read = async (source: HubSpotDataSource) => {
      const conversations = new Map<string, Record<string, unknown>>();
      for await (const page of source.load({ range, signal: new AbortController().signal }))
        for (const c of (page as DataPage).conversations as Record<string, unknown>[]) conversations.set(c.id as string, c);
      return conversations;
    };
    const make = () => new HubSpotDataSource({ proxyUrl: '/api/hubspot', fetch: api.fetch, cache: new IndexedDbHubSpotCache({ portalId: '9', userId: 'ann', databaseName: name }) });
    const first = await read(make());
    expect(first.size).to.equal(60);
    expect(api.count('messages')).to.equal(60);
    api.post('100007', specMessage('INCOMING', { at: Date.now(), threadId: '100007' }));
    api.post('100042', specMessage('OUTGOING', { at: Date.now(), threadId: '100042', actorId: 'A-3' }));
    const before = api.requests.length;
    // A new source and a new cache object: what a reloaded page has.
    const second = await read(make());
    expect(second.size).to.equal(60);
    const requests = api.requests.slice(before);
    expect(requests.filter((r) => r.path === 'threads').length).to.equal(1);
    expect(requests.filter((r) => r.path.endsWith('/messages')).map((r) => r.path).sort()).to.deep.equal(['threads/100007/messages', 'threads/100042/messages']);
  });
});

describe('progress text of a rate-limited load', () => {
  const sample = generateConversations({ n: 50, seed: 3, end: Date.UTC(2026, 10, 20), days: 30 });
  for (const [locale, expected] of [
    ['en', 'Reading messages: 1,240 of 3,000 conversations · waiting for HubSpot’s rate limit'],
    ['fr', 'Lecture des messages\u00a0: 1\u202f240 conversations sur 3\u202f000 · en attente de la limite de requêtes de HubSpot'],
    ['nl', 'Berichten lezen: 1.240 van 3.000 gesprekken · wacht op de aanvraaglimiet van HubSpot'],
  ] as const) {
    it(`says what the source is doing (${locale})`, async () => {
      const source = new ScriptedSource();
      const el = await fixture<ConversationDashboard>(html`<conversation-dashboard locale=${locale} time-zone="UTC" .dataSource=${source}></conversation-dashboard>`);
      await waitUntil(() => source.waiting === 1);
      source.push({ conversations: sample.conversations.slice(0, 10), total: 3000, activity: { step: 'reading', done: 1240, of: 3000, waiting: 'rate-limit', service: 'HubSpot' } });
      const progress = () => el.shadowRoot!.querySelector('[part="progress"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      const want = expected.replace(/\s+/g, ' ');
      await waitUntil(() => progress().includes(want), `progress shows "${want}"`);
      await waitUntil(() => source.waiting === 1);
      source.push({ conversations: [], total: 3000, activity: { step: 'reading', done: 1300, of: 3000, waiting: null, service: 'HubSpot' } });
      await waitUntil(() => !progress().includes('·') && progress().length > 0);
      source.push(null);
    });
  }
});
