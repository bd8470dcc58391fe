import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DashboardConfigError } from '../core/schema/dashboard-config.ts';
import { createDataSource, sourceOptionsFromAttributes } from './declarative-data-source.ts';

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
    assert.equal(sourceOptionsFromAttributes({ src: null, sample: null }), undefined);
  });

  test('an attribute keeps the config’s options of the same kind, and replaces another kind', () => {
    const rest = { type: 'rest' as const, url: '/old', mapping: { createdAt: 'created' } };
    assert.deepEqual(sourceOptionsFromAttributes({ src: '/new' }, rest), { ...rest, url: '/new' });
    assert.deepEqual(sourceOptionsFromAttributes({ csvSrc: '/a.csv' }, rest), { type: 'csv', url: '/a.csv' });
    assert.equal(sourceOptionsFromAttributes({}, rest), rest);
    assert.deepEqual(sourceOptionsFromAttributes({ sample: '' }, { type: 'sample', size: 300, seed: 4 }), { type: 'sample', size: 300, seed: 4 });
  });

  test('mistakes are named by attribute', () => {
    assert.equal(attributeProblem(() => sourceOptionsFromAttributes({ src: '/a', csvSrc: '/b.csv' })), 'csv-src: cannot be combined with src: give the element one data source');
    assert.match(attributeProblem(() => sourceOptionsFromAttributes({ sample: 'lots' })), /^sample: must be a number of conversations/);
    assert.match(attributeProblem(() => sourceOptionsFromAttributes({ sample: '0' })), /^sample: must be a number of conversations from 1/);
    assert.match(attributeProblem(() => sourceOptionsFromAttributes({ hubspotProxy: '  ' })), /^hubspot-proxy: must be a URL/);
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
