import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { T0, HOUR, conversation, lookups } from '../../../test/fixtures/conversations.ts';
import { IngestSession } from './ingest.ts';
import { parseConversations } from './parse-conversations.ts';
import { conversationAt, createTable, tableFootprint, textAt } from '../table/table.ts';
import { encodeWirePage, toJsonWirePage, toWirePage } from './wire-encode.ts';
import { decodeWirePage, WireFormatError, type WirePage } from './wire-format.ts';

const records = [
  conversation({ id: 'a', assigneeId: 'alice', createdAt: T0 + HOUR, firstResponseAt: T0 + 2 * HOUR, subject: 'Hé 👋', properties: { tier: 'gold', score: 4 } }),
  conversation({ id: 'b', channel: 'email', status: 'closed', createdAt: T0, closedAt: T0 + 3 * HOUR, pageUrl: 'https://x.example/p?utm=1', properties: { vip: true } }),
  conversation({ id: 'c', assigneeId: null, createdAt: T0 + 2 * HOUR, ticketId: 'T-1', properties: { score: 2.5 } }),
];
const parsed = parseConversations(records).conversations;

function ingest(...pages: (WirePage | { conversations: unknown[] })[]) {
  const session = new IngestSession();
  for (const page of pages) session.add(page);
  return { table: session.finish(lookups), rejected: session.rejected };
}

describe('wire format', () => {
  it('builds the same table as objects, from plain, JSON and binary pages', () => {
    const expected = createTable(parsed, lookups);
    const page = toWirePage(parsed);
    for (const candidate of [page, JSON.parse(JSON.stringify(toJsonWirePage(page))), decodeWirePage(encodeWirePage(page))]) {
      const { table, rejected } = ingest(candidate);
      assert.deepEqual(rejected, []);
      assert.deepEqual(
        Array.from({ length: table.size }, (_, i) => ({ ...conversationAt(table, i), properties: { ...conversationAt(table, i).properties } })),
        Array.from({ length: expected.size }, (_, i) => ({ ...conversationAt(expected, i), properties: { ...conversationAt(expected, i).properties } })),
      );
    }
  });

  it('keeps a custom property named __proto__ on plain, JSON and binary pages (#15.8)', () => {
    // As JSON gives it: an own "__proto__" key, which `{ __proto__: … }` in source would not be.
    const hostile = parseConversations(JSON.parse('[{"id":"p","channel":"chat","status":"open","inboxId":"i","createdAt":1,"properties":{"__proto__":"gold","constructor":"x"}}]')).conversations;
    assert.equal(hostile[0]!.properties['__proto__'], 'gold');
    const page = toWirePage(hostile);
    for (const [form, candidate] of [['plain', page], ['json', JSON.parse(JSON.stringify(toJsonWirePage(page)))], ['binary', decodeWirePage(encodeWirePage(page))]] as const) {
      const { table, rejected } = ingest(candidate);
      assert.deepEqual(rejected, [], form);
      const properties = conversationAt(table, 0).properties;
      assert.equal(Object.hasOwn(properties, '__proto__') && properties['__proto__'], 'gold', form);
      assert.equal(properties['constructor'], 'x', form);
      assert.equal(Object.getPrototypeOf(table.properties), null, form);
    }
  });

  it('keeps rows in creation order and mixes object and columnar pages', () => {
    const { table } = ingest(toWirePage(parsed.slice(0, 2)), { conversations: records.slice(2) });
    assert.deepEqual(Array.from({ length: table.size }, (_, i) => textAt(table.id, i)), ['b', 'a', 'c']);
  });

  it('rejects faulty records like parseConversations does, keeping the rest', () => {
    const bad = [
      ...records,
      conversation({ id: 'late', createdAt: T0, closedAt: T0 - 1 }),
      conversation({ id: 'a', createdAt: T0 }),
      { ...conversation({ id: 'weird' }), status: 'pending' },
    ];
    const fromObjects = parseConversations(bad);
    const page = toWirePage(bad as never);
    const { table, rejected } = ingest(page);
    assert.equal(table.size, fromObjects.conversations.length);
    assert.deepEqual(
      rejected.map((e) => [e.index, e.id, e.field]),
      fromObjects.errors.map((e) => [e.index, e.id, e.field]),
    );
  });

  it('names the column of a structural fault', () => {
    const page = toWirePage(parsed);
    const cases: [Partial<WirePage['columns']>, string][] = [
      [{ createdAt: new Float64Array(2) }, 'createdAt'],
      [{ channel: { dictionary: ['chat'], codes: [1, 2, 1] } }, 'channel'],
      [{ inboxId: undefined as never }, 'inboxId'],
      [{ firstResponseAt: ['soon', null, null] as never }, 'firstResponseAt'],
    ];
    for (const [change, column] of cases) {
      const broken = { ...page, columns: { ...page.columns, ...change } };
      assert.throws(
        () => ingest(broken),
        (error: unknown) => error instanceof WireFormatError && error.column === column && error.message.includes(`"${column}"`),
        column,
      );
    }
    assert.throws(() => ingest({ columns: { ...page.columns, nickname: ['x', 'y', 'z'] } as never }), /nickname/);
  });

  it('stores a 1–5 score as one byte a row and free text apart', () => {
    const table = createTable(parsed, lookups);
    const score = table.properties.score!;
    assert.equal(score.kind, 'dict');
    const { columnBytes, textBytes } = tableFootprint(table);
    assert.ok(columnBytes > 0 && textBytes > 0);
  });
});
