import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatParseError, parseConversations } from './parse-conversations.ts';

const valid = { id: 'ok-1', channel: 'chat', status: 'open', inboxId: 'i', createdAt: 1_700_000_000_000 };

describe('parseConversations', () => {
  it('keeps every valid record and reports each bad one with index, id, field and reason', () => {
    const input = [
      valid,
      { ...valid, id: 'bad-status', status: 'pending' },
      { ...valid, id: 'ok-2' },
      { ...valid, id: 'bad-date', createdAt: 'yesterday' },
      42,
      { ...valid, id: 'ok-3', assigneeId: 'alice' },
    ];
    const { conversations, errors } = parseConversations(input);
    assert.deepEqual(conversations.map((c) => c.id), ['ok-1', 'ok-2', 'ok-3']);
    assert.deepEqual(
      errors.map((e) => [e.index, e.id, e.field]),
      [
        [1, 'bad-status', 'status'],
        [3, 'bad-date', 'createdAt'],
        [4, undefined, ''],
      ],
    );
    assert.match(errors[0]!.message, /open.*closed/);
    assert.match(formatParseError(errors[1]!), /^Record 3 \(id "bad-date"\): createdAt must be epoch milliseconds or an ISO 8601/);
  });

  it('normalizes ISO 8601 timestamps to epoch ms and fills missing optional fields with null', () => {
    const { conversations, errors } = parseConversations([
      { ...valid, createdAt: '2026-03-29T01:30:00.250+02:00', closedAt: '2026-03-29T00:00:00Z', status: 'closed' },
    ]);
    assert.equal(errors.length, 0);
    const [c] = conversations;
    assert.equal(c!.createdAt, Date.UTC(2026, 2, 28, 23, 30, 0, 250));
    assert.equal(c!.closedAt, Date.UTC(2026, 2, 29));
    assert.equal(c!.firstResponseAt, null);
    assert.equal(c!.assigneeId, null);
    assert.equal(c!.pageUrl, null);
  });

  it('rejects a local time without a zone, which names no single instant', () => {
    const { errors } = parseConversations([{ ...valid, createdAt: '2026-03-29T01:30:00' }]);
    assert.equal(errors[0]?.field, 'createdAt');
  });

  it('rejects closedAt or firstResponseAt before createdAt', () => {
    const { conversations, errors } = parseConversations([
      { ...valid, id: 'early-close', closedAt: valid.createdAt - 1 },
      { ...valid, id: 'early-reply', firstResponseAt: valid.createdAt - 1 },
      { ...valid, id: 'same-ms', firstResponseAt: valid.createdAt, closedAt: valid.createdAt },
    ]);
    assert.deepEqual(errors.map((e) => [e.id, e.field]), [
      ['early-close', 'closedAt'],
      ['early-reply', 'firstResponseAt'],
    ]);
    assert.deepEqual(conversations.map((c) => c.id), ['same-ms']);
  });

  it('reports a duplicate id on the later record and keeps the first', () => {
    const { conversations, errors } = parseConversations([valid, { ...valid, assigneeId: 'x' }]);
    assert.equal(conversations.length, 1);
    assert.equal(conversations[0]!.assigneeId, null);
    assert.deepEqual([errors[0]!.index, errors[0]!.id, errors[0]!.field], [1, 'ok-1', 'id']);
  });

  it('answers a non-array with one clear error and no exception', () => {
    for (const input of [null, undefined, 'text', { conversations: [] }, 3]) {
      const { conversations, errors } = parseConversations(input);
      assert.equal(conversations.length, 0);
      assert.equal(errors.length, 1);
      assert.match(errors[0]!.message, /expected an array of conversations/);
    }
  });

  it('keeps hostile property names as plain keys without touching Object.prototype', () => {
    const record = JSON.parse('{"id":"p","channel":"chat","status":"open","inboxId":"i","createdAt":1,"properties":{"__proto__":"x","constructor":5,"polluted":true}}');
    const { conversations, errors } = parseConversations([record]);
    assert.equal(errors.length, 0);
    const bag = conversations[0]!.properties;
    assert.deepEqual(Object.keys(bag).sort(), ['__proto__', 'constructor', 'polluted']);
    assert.equal(bag['__proto__'], 'x');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('names the bad custom property', () => {
    const { errors } = parseConversations([{ ...valid, properties: { plan: { nested: true } } }]);
    assert.equal(errors[0]!.field, 'properties.plan');
  });
});
