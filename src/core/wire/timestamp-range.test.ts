import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConversations } from './parse-conversations.ts';
import { IngestSession } from './ingest.ts';
import { toWirePage } from './wire-encode.ts';
const MAX_EPOCH_MS = 8.64e15;

// DESIGN v2: times are valid only inside JavaScript's Date range (|t| ≤ 8.64e15 ms).
const base = { channel: 'chat', status: 'closed', inboxId: 'support' } as const;
const outside = [1e300, 9e15, -1e20, MAX_EPOCH_MS + 1, 12345678901234567890];

describe('timestamps outside the Date range are an invalid field', () => {
  test('objects: createdAt, closedAt and firstResponseAt each rejected, naming record and field', () => {
    const records = [
      { ...base, id: 'ok', createdAt: 0, closedAt: MAX_EPOCH_MS },
      ...outside.map((t, i) => ({ ...base, id: `created-${i}`, createdAt: t })),
      ...outside.filter((t) => t > 0).map((t, i) => ({ ...base, id: `closed-${i}`, createdAt: 0, closedAt: t })),
      { ...base, id: 'responded', createdAt: 0, firstResponseAt: 9e15 },
    ];
    const { conversations, errors } = parseConversations(records);
    assert.deepEqual(conversations.map((c) => c.id), ['ok']);
    assert.equal(errors.length, records.length - 1);
    for (const error of errors) {
      const expected = error.id!.startsWith('created') ? 'createdAt' : error.id!.startsWith('closed') ? 'closedAt' : 'firstResponseAt';
      assert.equal(error.field, expected, error.id);
      assert.match(error.message, /Date range/);
    }
    // Every kept instant formats: nothing downstream meets "Invalid time value".
    assert.doesNotThrow(() => new Date(conversations[0]!.closedAt!).toISOString());
  });

  test('columnar pages: the same bound, one reject per record, neighbours kept', () => {
    const session = new IngestSession();
    const page = toWirePage([
      { ...base, id: 'ok', createdAt: 1_700_000_000_000, closedAt: 1_700_000_100_000 },
      { ...base, id: 'far', createdAt: 9e15 },
      { ...base, id: 'late', createdAt: 1_700_000_000_000, closedAt: 1e300 },
    ]);
    session.add(page);
    const table = session.finish();
    assert.equal(table.size, 1);
    assert.deepEqual(
      session.rejected.map((r) => [r.id, r.field]),
      [['far', 'createdAt'], ['late', 'closedAt']],
    );
    assert.match(session.rejected[0]!.message, /Date range/);
  });

  test('ISO strings with impossible components are refused, not rolled into the next month', () => {
    const { conversations, errors } = parseConversations([
      { ...base, id: 'feb31', createdAt: '2026-02-31T10:00:00Z' },
      { ...base, id: 'leap', createdAt: '2024-02-29T10:00:00Z' },
    ]);
    assert.deepEqual(conversations.map((c) => c.id), ['leap']);
    assert.equal(errors[0]!.id, 'feb31');
    assert.match(errors[0]!.message, /not a real date/);
  });
});
