import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MISSING_VALUE,
  formatBucketLabel,
  formatDuration,
  formatNumber,
  formatPercentDelta,
} from './format.ts';

const S = 1_000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    assert.equal(formatDuration(2 * H + 5 * MIN, 'en'), '2 h 5 min');
    assert.equal(formatDuration(3 * D + 4 * H, 'en'), '3 d 4 h');
    assert.equal(formatDuration(MIN + 30 * S, 'en'), '1 min 30 s');
    assert.equal(formatDuration(45 * S, 'en'), '45 s');
    assert.equal(formatDuration(850, 'en'), '850 ms');
  });

  it('rounds the smaller unit and carries into the larger one', () => {
    assert.equal(formatDuration(2 * H + 4 * MIN + 59 * S, 'en'), '2 h 5 min');
    assert.equal(formatDuration(59 * MIN + 59.7 * S, 'en'), '1 h');
    assert.equal(formatDuration(23 * H + 59 * MIN + 50 * S, 'en'), '1 d');
    assert.equal(formatDuration(999.6, 'en'), '1 s');
    assert.equal(formatDuration(59.7 * S, 'en'), '1 min');
  });

  it('writes a day the French way ("j"), the Dutch and English way ("d")', () => {
    assert.equal(formatDuration(D, 'fr'), '1 j');
    assert.equal(formatDuration(D + 3 * H, 'fr-FR'), '1 j 3 h');
    assert.equal(formatDuration(D, 'nl'), '1 d');
    assert.equal(formatDuration(D, 'en'), '1 d');
  });

  it('drops a zero smaller unit', () => {
    assert.equal(formatDuration(2 * H, 'en'), '2 h');
    assert.equal(formatDuration(3 * D, 'en'), '3 d');
  });

  it('keeps one decimal under ten seconds, in the locale', () => {
    assert.equal(formatDuration(1_500, 'en'), '1.5 s');
    assert.equal(formatDuration(1_500, 'fr'), '1,5 s');
    assert.equal(formatDuration(1_000, 'en'), '1 s');
  });

  it('groups large numbers the locale way', () => {
    assert.equal(formatDuration(1_234 * D, 'en'), '1,234 d');
    assert.equal(formatDuration(1_234 * D, 'de'), '1.234 d');
  });

  it('shows zero and negative durations', () => {
    assert.equal(formatDuration(0, 'en'), '0 ms');
    assert.equal(formatDuration(-(2 * H + 5 * MIN), 'en'), '-2 h 5 min');
  });

  it('gives a dash for missing values', () => {
    assert.equal(formatDuration(null, 'en'), MISSING_VALUE);
    assert.equal(formatDuration(undefined, 'en'), MISSING_VALUE);
    assert.equal(formatDuration(Number.NaN, 'en'), MISSING_VALUE);
    assert.equal(MISSING_VALUE, '—');
  });

  it('survives a malformed locale', () => {
    assert.match(formatDuration(45 * S, 'en_US!'), /^45 s$/);
  });
});

describe('formatNumber', () => {
  it('formats per locale and options', () => {
    assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
    assert.equal(formatNumber(1234.5, 'nl'), '1.234,5');
    assert.equal(formatNumber(0.256, 'en', { style: 'percent' }), '26%');
    assert.equal(formatNumber(1234.5, 'en', { maximumFractionDigits: 0 }), '1,235');
  });

  it('gives a dash for missing values', () => {
    assert.equal(formatNumber(null, 'en'), '—');
    assert.equal(formatNumber(Number.POSITIVE_INFINITY, 'en'), '—');
  });
});

describe('formatPercentDelta', () => {
  it('is signed', () => {
    assert.equal(formatPercentDelta(112, 100, 'en'), '+12%');
    assert.equal(formatPercentDelta(88, 100, 'en'), '-12%');
    assert.equal(formatPercentDelta(100, 100, 'en'), '0%');
    // ICU versions differ on which no-break space French puts before %.
    assert.match(formatPercentDelta(112, 100, 'fr') ?? '', /^\+12\s%$/);
  });

  it('keeps a decimal for small changes', () => {
    assert.equal(formatPercentDelta(103.5, 100, 'en'), '+3.5%');
  });

  it('measures change against the magnitude of a negative previous value', () => {
    assert.equal(formatPercentDelta(-50, -100, 'en'), '+50%');
  });

  it('is null without a base to compare with', () => {
    assert.equal(formatPercentDelta(5, 0, 'en'), null);
    assert.equal(formatPercentDelta(5, null, 'en'), null);
    assert.equal(formatPercentDelta(null, 5, 'en'), null);
    assert.equal(formatPercentDelta(5, undefined, 'en'), null);
  });
});

describe('formatBucketLabel', () => {
  // 2026-03-31T14:00:00Z
  const instant = Date.UTC(2026, 2, 31, 14);

  it('labels days, hours and months in the time zone', () => {
    assert.equal(formatBucketLabel(instant, 'day', 'UTC', 'en-US'), 'Mar 31');
    assert.equal(formatBucketLabel(instant, 'hour', 'UTC', 'en-GB'), '31 Mar, 14:00');
    assert.match(formatBucketLabel(instant, 'hour', 'UTC', 'en-US'), /^Mar 31, 2:00\sPM$/);
    assert.equal(formatBucketLabel(instant, 'month', 'UTC', 'en-US'), 'Mar 2026');
    // 22:30 UTC on Mar 31 is already Apr 1 in Kolkata (+05:30).
    assert.equal(formatBucketLabel(Date.UTC(2026, 2, 31, 18, 30), 'day', 'Asia/Kolkata', 'en-US'), 'Apr 1');
    assert.equal(formatBucketLabel(Date.UTC(2026, 2, 31, 18, 30), 'hour', 'Asia/Kolkata', 'en-GB'), '1 Apr, 00:00');
  });

  it('labels weeks by their first day', () => {
    const monday = Date.UTC(2026, 2, 23);
    assert.equal(formatBucketLabel(monday, 'week', 'UTC', 'en-US'), 'Week of Mar 23');
    assert.equal(formatBucketLabel(monday, 'week', 'UTC', 'fr'), 'Semaine du 23 mars');
    assert.equal(formatBucketLabel(monday, 'week', 'UTC', 'nl'), 'Week van 23 mrt');
    // No phrase for German: a date range says the same thing.
    assert.match(formatBucketLabel(monday, 'week', 'UTC', 'de'), /^23\.\s*[–-]\s*29\. März$/);
  });

  it('labels quarters in the time zone', () => {
    assert.equal(formatBucketLabel(Date.UTC(2026, 0, 1), 'quarter', 'UTC', 'en'), 'Q1 2026');
    assert.equal(formatBucketLabel(Date.UTC(2026, 6, 1), 'quarter', 'UTC', 'fr'), 'T3 2026');
    assert.equal(formatBucketLabel(Date.UTC(2026, 9, 1), 'quarter', 'UTC', 'nl'), 'K4 2026');
    // Midnight Apr 1 in Amsterdam (CEST) is still Mar 31 in UTC.
    assert.equal(formatBucketLabel(Date.UTC(2026, 2, 31, 22), 'quarter', 'Europe/Amsterdam', 'en'), 'Q2 2026');
  });

  it('falls back to UTC for an unknown time zone', () => {
    assert.equal(formatBucketLabel(instant, 'day', 'Mars/Olympus_Mons', 'en-US'), 'Mar 31');
  });

  it('gives a dash for a key that is not an instant', () => {
    assert.equal(formatBucketLabel(Number.NaN, 'day', 'UTC', 'en'), '—');
  });
});
