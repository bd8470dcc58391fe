import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DashboardConfigError } from '../core/schema/dashboard-config.ts';
import { createDataSource, sourceOptionsFromAttributes } from './declarative-data-source.ts';
import { FakeHubSpot, fillPortal, specMessage } from './testing/fake-hubspot.ts';

function attributeProblem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DashboardConfigError);
    return `${error.path}: ${error.issues[0]!.message}`;
  }
  assert.fail('expected a DashboardConfigError');
}

describe('source attributes', () => {
  test('each attribute names one kind of source', () => {
    assert.deepEqual(sourceOptionsFromAttributes({ src: ' /api/conversations ' }), { type: 'rest', url: '/api/conversations' });
    assert.deepEqual(sourceOptionsFromAttributes({ csvSrc: '/x.csv' }), { type: 'csv', url: '/x.csv' });
    assert.deepEqual(sourceOptionsFromAttributes({ hubspotProxy: '/api/hubspot' }), { type: 'hubspot', proxyUrl: '/api/hubspot' });
    assert.deepEqual(sourceOptionsFromAttributes({ sample: '5000' }), { type: 'sample', size: 5000 });
    assert.deepEqual(sourceOptionsFromAttributes({ sample: '' }), { type: 'sample', size: 2000 });
    assert.deepEqual(sourceOptionsFromAttributes({ serverSrc: '/api/reports' }), { type: 'server', url: '/api/reports' });
    assert.equal(sourceOptionsFromAttributes({ src: null, sample: null }), undefined);
  });

  test('an attribute keeps the config’s options of the same kind, and replaces another kind', () => {
    const rest = { type: 'rest' as const, url: '/old', mapping: { createdAt: 'created' } };
    assert.deepEqual(sourceOptionsFromAttributes({ src: '/new' }, rest), { ...rest, url: '/new' });
    assert.deepEqual(sourceOptionsFromAttributes({ csvSrc: '/a.csv' }, rest), { type: 'csv', url: '/a.csv' });
    assert.equal(sourceOptionsFromAttributes({}, rest), rest);
    assert.deepEqual(sourceOptionsFromAttributes({ sample: '' }, { type: 'sample', size: 300, seed: 4 }), { type: 'sample', size: 300, seed: 4 });
    assert.deepEqual(sourceOptionsFromAttributes({ serverSrc: '/b' }, { type: 'server', url: '/a', retries: 0 }), { type: 'server', url: '/b', retries: 0 });
  });

  test('mistakes are named by attribute', () => {
    assert.equal(attributeProblem(() => sourceOptionsFromAttributes({ src: '/a', csvSrc: '/b.csv' })), 'csv-src: cannot be combined with src: give the element one data source');
    assert.match(attributeProblem(() => sourceOptionsFromAttributes({ sample: 'lots' })), /^sample: must be a number of conversations/);
    assert.match(attributeProblem(() => sourceOptionsFromAttributes({ sample: '0' })), /^sample: must be a number of conversations from 1/);
    assert.match(attributeProblem(() => sourceOptionsFromAttributes({ hubspotProxy: '  ' })), /^hubspot-proxy: must be a URL/);
    assert.equal(attributeProblem(() => sourceOptionsFromAttributes({ src: '/a', serverSrc: '/r' })), 'server-src: cannot be combined with src: give the element one data source');
  });

  test('only a server source is a push-down source (the dashboard tells them apart by `query`)', () => {
    const server = createDataSource({ type: 'server', url: 'http://127.0.0.1:9/reports' });
    assert.equal(typeof server.query, 'function');
    assert.equal(typeof server.drill, 'function');
    const sample = createDataSource({ type: 'sample', size: 5 });
    assert.equal('query' in sample, false);
    assert.equal('drill' in sample, false);
    assert.throws(() => createDataSource({ type: 'server', url: '' } as never), DashboardConfigError);
  });

  test('a sample source generates its conversations on the first load', async () => {
    const source = createDataSource({ type: 'sample', size: 120, seed: 2 }, { now: Date.UTC(2026, 10, 1), timeZone: 'UTC' });
    const signal = new AbortController().signal;
    let count = 0;
    for await (const page of source.load({ range: { from: 0, to: Date.UTC(2026, 10, 1) }, signal })) count += (page as { conversations: unknown[] }).conversations.length;
    assert.equal(count, 120);
    const names = await source.lookups(signal);
    assert.ok(names.assignees!.length > 0);
    assert.throws(() => createDataSource({ type: 'rest', url: '' }), DashboardConfigError);
  });
});

describe('hubspot-proxy source', () => {
  test('keeps what it read for the page’s life: a refresh reads only threads with new messages', async () => {
    const api = new FakeHubSpot({ now: Date.now });
    fillPortal(api, 20, { end: Date.now() - 86_400_000, days: 10 });
    const original = globalThis.fetch;
    globalThis.fetch = api.fetch;
    try {
      const source = createDataSource({ type: 'hubspot', proxyUrl: 'https://app.example.com/api/hubspot' });
      const range = { from: Date.now() - 20 * 86_400_000, to: Date.now() };
      const count = async () => {
        let n = 0;
        for await (const page of source.load({ range, signal: new AbortController().signal })) n += 'conversations' in page ? page.conversations.length : 0;
        return n;
      };
      assert.equal(await count(), 20);
      assert.equal(api.count('messages'), 20);
      api.post('100004', specMessage('INCOMING', { at: Date.now(), threadId: '100004' }));
      assert.equal(await count(), 20);
      assert.equal(api.count('messages'), 21);
    } finally {
      globalThis.fetch = original;
    }
  });
});
