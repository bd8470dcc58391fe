import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveRangePreset } from './range-presets.ts';

const iso = (r: { from: number; to: number }) => [new Date(r.from).toISOString(), new Date(r.to).toISOString()];
// Wednesday 2026-04-01 10:00 in Amsterdam (08:00Z), days after the spring change.
const now = Date.parse('2026-04-01T08:00:00Z');
const zone = 'Europe/Amsterdam';

describe('resolveRangePreset', () => {
  it('resolves on local calendar boundaries in the zone', () => {
    assert.deepEqual(iso(resolveRangePreset('today', now, zone)), ['2026-03-31T22:00:00.000Z', '2026-04-01T22:00:00.000Z']);
    assert.deepEqual(iso(resolveRangePreset('yesterday', now, zone)), ['2026-03-30T22:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    assert.deepEqual(iso(resolveRangePreset('this-week', now, zone)), ['2026-03-29T22:00:00.000Z', '2026-04-01T22:00:00.000Z']);
    // Last week spans the change: Monday 23 March 00:00 CET to Monday 30 March 00:00 CEST.
    assert.deepEqual(iso(resolveRangePreset('last-week', now, zone)), ['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    assert.deepEqual(iso(resolveRangePreset('last-7-days', now, zone)), ['2026-03-24T23:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    assert.deepEqual(iso(resolveRangePreset('last-month', now, zone)), ['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    assert.deepEqual(iso(resolveRangePreset('this-month', now, zone)), ['2026-03-31T22:00:00.000Z', '2026-04-01T22:00:00.000Z']);
    assert.deepEqual(iso(resolveRangePreset('this-quarter', now, zone)), ['2026-03-31T22:00:00.000Z', '2026-04-01T22:00:00.000Z']);
    const last30 = resolveRangePreset('last-30-days', now, zone);
    assert.equal(new Date(last30.from).toISOString(), '2026-03-01T23:00:00.000Z');
  });
});
