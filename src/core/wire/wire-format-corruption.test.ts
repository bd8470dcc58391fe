/**
 * Corrupted binary columnar pages (#15.11), mirroring the Arrow fuzz: 3 000 single-bit flips
 * anywhere in a page (prefix, header JSON, codes, times, text) plus truncations. A version 2 page
 * (with its CRC-32) must either fail with a WireFormatError or load exactly the records it was
 * made from: never a TypeError or RangeError, never a record changed or lost. The same flips on a
 * version 1 page (no checksum, bounds checks only) must still fail only with WireFormatError; the
 * flips that load there as other records are the ones the checksum alone catches.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateConversations } from '../../sample/generate-conversations.ts';
import { IngestSession } from './ingest.ts';
import { parseConversations } from './parse-conversations.ts';
import { conversationAt } from '../table/table.ts';
import { encodeWirePage, toWirePage } from './wire-encode.ts';
import { ALIGN, MAGIC_V1, PREFIX_BYTES, WireFormatError } from './wire-format.ts';
import { seededRandom as random } from '../../../test/fixtures/seeded-random.ts';

/** Generated conversations with nulls and custom properties, one carrying `__proto__` as JSON gives it. */
function sample(n: number, seed: number) {
  const { conversations, lookups } = generateConversations({ n, seed });
  const hostile = JSON.parse(
    '[{"id":"proto-1","channel":"chat","status":"open","inboxId":"i","assigneeId":null,"createdAt":1780000000000,"closedAt":null,' +
      '"subject":"Hé 👋","properties":{"__proto__":"gold","constructor":"x","score":3,"vip":true,"note":null}}]',
  );
  return { records: parseConversations([...conversations, ...hostile]).conversations, lookups };
}

const { records, lookups } = sample(60, 11);
const good = new Uint8Array(encodeWirePage(toWirePage(records)));

/** The same page in the first binary form: magic "CRW1", header length, header, blocks; no checksum. */
function asVersion1(page: Uint8Array): Uint8Array {
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const headerLength = view.getUint32(8, true);
  const dataStart = Math.ceil((PREFIX_BYTES + headerLength) / ALIGN) * ALIGN;
  const dataStart1 = Math.ceil((8 + headerLength) / ALIGN) * ALIGN;
  const out = new Uint8Array(dataStart1 + page.length - dataStart);
  const outView = new DataView(out.buffer);
  outView.setUint32(0, MAGIC_V1, true);
  outView.setUint32(4, headerLength, true);
  out.set(page.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength), 8);
  out.set(page.subarray(dataStart), dataStart1);
  return out;
}

/** Records as the table gives them back, comparable with deepEqual (properties copied off their null prototype). */
function load(bytes: Uint8Array): { records: unknown[]; rejected: number } {
  const session = new IngestSession();
  session.add({ columns: bytes.slice().buffer });
  const table = session.finish(lookups);
  return {
    records: Array.from({ length: table.size }, (_, i) => {
      const record = conversationAt(table, i);
      return { ...record, properties: Object.entries(record.properties) };
    }),
    rejected: session.rejected.length,
  };
}

const expected = load(good);
const expectedText = JSON.stringify(expected.records);

/** 'lost': fewer records kept plus rejected than were sent. */
type Outcome = 'error' | 'same' | 'changed' | 'lost';
function outcome(bytes: Uint8Array, where: string): Outcome {
  let loaded: ReturnType<typeof load>;
  try {
    loaded = load(bytes);
  } catch (error) {
    assert.ok(error instanceof WireFormatError, `${where}: ${(error as Error)?.name}: ${(error as Error)?.message}`);
    assert.doesNotMatch(error.message, /Cannot read properties|is not a function|is not iterable|undefined/, where);
    return 'error';
  }
  if (loaded.records.length + loaded.rejected !== expected.records.length) return 'lost';
  // (Text, not deepEqual: a failing deepEqual builds a diff, and most version 1 cases differ.)
  return loaded.rejected === 0 && JSON.stringify(loaded.records) === expectedText ? 'same' : 'changed';
}

/** Flips one random bit per case; returns how each case ended, by version. */
function fuzz(flips: number, seed: number) {
  const v1 = asVersion1(good);
  const next = random(seed);
  const counts = { v2: { error: 0, same: 0, changed: 0, lost: 0 }, v1: { error: 0, same: 0, changed: 0, lost: 0 }, caughtByChecksumOnly: 0 };
  for (let k = 0; k < flips; k++) {
    const bit = Math.floor(next() * good.length * 8);
    const bytes = good.slice();
    bytes[bit >>> 3]! ^= 1 << (bit & 7);
    const result = outcome(bytes, `v2 flip of bit ${bit} (byte ${bit >>> 3} of ${bytes.length})`);
    counts.v2[result]++;
    // The same bit of the same content in the version 1 page (its prefix is 8 bytes shorter; bytes of the
    // v2-only prefix fields map to nothing and are skipped).
    const byte = bit >>> 3;
    const headerLength = new DataView(good.buffer).getUint32(8, true);
    const dataStart = Math.ceil((PREFIX_BYTES + headerLength) / ALIGN) * ALIGN;
    const dataStart1 = Math.ceil((8 + headerLength) / ALIGN) * ALIGN;
    const byte1 = byte < 4 ? byte : byte < PREFIX_BYTES ? -1 : byte < dataStart ? byte - 8 : byte - dataStart + dataStart1;
    if (byte1 < 0 || byte1 >= v1.length) continue;
    const old = v1.slice();
    old[byte1]! ^= 1 << (bit & 7);
    const result1 = outcome(old, `v1 flip of bit ${bit & 7} of byte ${byte1} of ${old.length}`);
    counts.v1[result1]++;
    if ((result1 === 'changed' || result1 === 'lost') && result === 'error') counts.caughtByChecksumOnly++;
  }
  return counts;
}

describe('corrupted binary columnar pages', () => {
  test('the page loads exactly, as version 2 and as version 1 (no checksum)', () => {
    assert.equal(expected.rejected, 0);
    assert.equal(expected.records.length, records.length);
    assert.deepEqual(load(asVersion1(good)), expected);
    const proto = expected.records.find((r) => (r as { id: string }).id === 'proto-1') as { properties: [string, unknown][] };
    assert.deepEqual(Object.fromEntries(proto.properties.filter(([k]) => k === '__proto__')), JSON.parse('{"__proto__":"gold"}'));
  });

  test('3 000 single-bit flips: a WireFormatError or exactly the original records', () => {
    const counts = fuzz(3000, 15);
    // With the checksum nothing loads changed; without it (version 1) the bounds checks still turn every
    // structural fault into a WireFormatError, but some flips (a code, a time, a letter) load other records:
    // those are what the checksum alone catches.
    assert.equal(counts.v2.changed + counts.v2.lost, 0, JSON.stringify(counts));
    assert.ok(counts.v2.error > 0 && counts.v1.changed > 0 && counts.caughtByChecksumOnly > 0, JSON.stringify(counts));
    console.log(JSON.stringify(counts));
  });

  test('truncated pages fail with a WireFormatError, in both versions', () => {
    for (const page of [good, asVersion1(good)])
      for (const length of [0, 4, 8, 12, 16, 40, page.length >> 1, page.length - 8, page.length - 1]) {
        assert.throws(
          () => load(page.slice(0, length)),
          (error: unknown) => error instanceof WireFormatError,
          `length ${length} of ${page.length}`,
        );
      }
  });

  test('a page whose checksum does not match is refused, naming the checksum', () => {
    const bytes = good.slice();
    bytes[bytes.length - 1]! ^= 0x80;
    assert.throws(() => load(bytes), (error: unknown) => error instanceof WireFormatError && /checksum/.test(error.message));
  });
});
