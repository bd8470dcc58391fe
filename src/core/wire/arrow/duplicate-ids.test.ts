/**
 * duplicateIdRows against a Map over the same ids: many ids (so that distinct ids share a whole
 * 32-bit hash, and buckets fill), repeated ids near and far, empty ids, skipped rows, and few ids
 * (one or two buckets).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duplicateIdRows } from './duplicate-ids.ts';

function column(ids: readonly string[]): { bytes: Uint8Array; ends: Uint32Array } {
  const bytes = new TextEncoder().encode(ids.join(''));
  const ends = new Uint32Array(ids.length);
  let end = 0;
  ids.forEach((id, row) => (ends[row] = end += new TextEncoder().encode(id).length));
  return { bytes, ends };
}

function expected(ids: readonly string[], skip: Uint8Array | null): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  ids.forEach((id, row) => {
    if (skip?.[row]) return;
    if (seen.has(id)) duplicates.push(row);
    else seen.add(id);
  });
  return duplicates;
}

/** A small seeded generator: the same ids every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test('duplicate ids: the same rows as a Map, over 400 000 ids with repeats, empty ids and skipped rows', () => {
  const next = random(7);
  const ids: string[] = [];
  for (let row = 0; row < 400_000; row++) {
    const r = next();
    if (r < 0.002) ids.push('');
    else if (r < 0.02 && row > 0) ids.push(ids[Math.floor(next() * row)]!);
    else if (r < 0.025 && row > 0) ids.push(ids[row - 1]!);
    else ids.push(`c-${Math.floor(next() * 2 ** 40).toString(36)}-é${row % 7}`);
  }
  const { bytes, ends } = column(ids);
  assert.deepEqual(duplicateIdRows(bytes, ends, ids.length, null), expected(ids, null));
  const skip = new Uint8Array(ids.length);
  for (let row = 0; row < ids.length; row += 3) skip[row] = 1;
  assert.deepEqual(duplicateIdRows(bytes, ends, ids.length, skip), expected(ids, skip));
});

test('duplicate ids: distinct ids whose hashes are equal are both kept, and their repeats found', () => {
  // "k14gcd1k" and "k1ml7mq2" share their whole 32-bit hash (found by search), as do "k1hpfcac" and "k1wdc5cy".
  const ids = ['k14gcd1k', 'x', 'k1ml7mq2', 'k1hpfcac', 'k1wdc5cy', 'k1ml7mq2', 'k14gcd1k', 'k1wdc5cy'];
  const { bytes, ends } = column(ids);
  assert.deepEqual(duplicateIdRows(bytes, ends, ids.length, null), [5, 6, 7]);
});

test('duplicate ids: a handful of ids, and none', () => {
  const ids = ['a', 'b', 'a', '', 'b', 'a', ''];
  const { bytes, ends } = column(ids);
  assert.deepEqual(duplicateIdRows(bytes, ends, ids.length, null), [2, 4, 5, 6]);
  assert.deepEqual(duplicateIdRows(new Uint8Array(0), new Uint32Array(0), 0, null), []);
});
