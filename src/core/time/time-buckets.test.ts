import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bucketBoundaries, bucketLabel, bucketStart, fromWall } from './time-buckets.ts';

const utc = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

describe('time buckets', () => {
  it('starts Amsterdam days at local midnight on both sides of the spring change', () => {
    const days = bucketBoundaries(utc('2026-03-28T12:00:00Z'), utc('2026-03-30T12:00:00Z'), 'day', 'Europe/Amsterdam');
    assert.deepEqual(days.map(iso), [
      '2026-03-27T23:00:00.000Z', // Sat 28 00:00 CET
      '2026-03-28T23:00:00.000Z', // Sun 29 00:00 CET (a 23-hour day)
      '2026-03-29T22:00:00.000Z', // Mon 30 00:00 CEST
      '2026-03-30T22:00:00.000Z',
    ]);
  });

  it('skips the local hour that does not exist and keeps a repeated hour as one bucket from its first instant', () => {
    const spring = bucketBoundaries(utc('2026-03-29T00:00:00Z'), utc('2026-03-29T02:00:00Z'), 'hour', 'Europe/Amsterdam');
    assert.deepEqual(spring.map(iso), ['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z']);
    assert.equal(bucketLabel(spring[1]!, 'hour', 'Europe/Amsterdam'), '2026-03-29 03:00');

    const secondTwoThirty = utc('2026-10-25T01:30:00Z'); // 02:30 CET, after the clocks went back
    assert.equal(iso(bucketStart(secondTwoThirty, 'hour', 'Europe/Amsterdam')), '2026-10-25T00:00:00.000Z');
    const autumn = bucketBoundaries(utc('2026-10-25T00:00:00Z'), utc('2026-10-25T03:00:00Z'), 'hour', 'Europe/Amsterdam');
    assert.deepEqual(autumn.map(iso), ['2026-10-25T00:00:00.000Z', '2026-10-25T02:00:00.000Z', '2026-10-25T03:00:00.000Z']);
  });

  it('starts ISO weeks on Monday local midnight across the New York change', () => {
    const weeks = bucketBoundaries(utc('2026-03-04T00:00:00Z'), utc('2026-03-18T00:00:00Z'), 'week', 'America/New_York');
    assert.deepEqual(weeks.map(iso), [
      '2026-03-02T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
      '2026-03-16T04:00:00.000Z',
      '2026-03-23T04:00:00.000Z',
    ]);
  });

  it('starts hours at :30 UTC in a +05:30 zone', () => {
    assert.equal(iso(bucketStart(utc('2026-01-01T10:10:00Z'), 'hour', 'Asia/Kolkata')), '2026-01-01T09:30:00.000Z');
  });

  it('buckets months and quarters in the zone', () => {
    const t = utc('2026-03-31T23:30:00Z'); // already April 1st in Amsterdam
    assert.equal(iso(bucketStart(t, 'month', 'Europe/Amsterdam')), '2026-03-31T22:00:00.000Z');
    assert.equal(iso(bucketStart(t, 'quarter', 'Europe/Amsterdam')), '2026-03-31T22:00:00.000Z');
    assert.equal(iso(bucketStart(t, 'quarter', 'UTC')), '2026-01-01T00:00:00.000Z');
    assert.equal(bucketLabel(utc('2026-03-31T22:00:00Z'), 'quarter', 'Europe/Amsterdam'), '2026-Q2');
  });

  it('takes the first instant after a skipped local midnight as the start of that day', () => {
    // Santiago skipped from 2024-09-08 00:00 (−04) to 01:00 (−03).
    assert.equal(iso(fromWall(Date.UTC(2024, 8, 8), 'America/Santiago')), '2024-09-08T04:00:00.000Z');
    assert.equal(iso(bucketStart(utc('2024-09-08T12:00:00Z'), 'day', 'America/Santiago')), '2024-09-08T04:00:00.000Z');
  });

  it('covers from the bucket holding `from` to the one holding `to − 1`', () => {
    const from = utc('2026-01-05T10:00:00Z');
    const to = utc('2026-01-07T00:00:00Z'); // the 7th is not included
    assert.deepEqual(bucketBoundaries(from, to, 'day', 'UTC').map(iso), [
      '2026-01-05T00:00:00.000Z',
      '2026-01-06T00:00:00.000Z',
      '2026-01-07T00:00:00.000Z',
    ]);
    assert.deepEqual(bucketBoundaries(from, from, 'day', 'UTC'), []);
  });
});
