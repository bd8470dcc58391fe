import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConversations } from '../../src/core/wire/parse-conversations.ts';
import { cloneSafeRecords } from '../../src/worker/clone-safe.ts';

const base = { id: 'ok', channel: 'chat', status: 'open', inboxId: 'support', createdAt: 1_700_000_000_000 };

describe('cloneSafeRecords: what the engine Worker is sent when a page cannot be cloned', () => {
  test('every output can be cloned, and parses to the same keeps and rejects as the input', () => {
    const cyclic: Record<string, unknown> = { ...base, id: 'cyclic' };
    cyclic.self = cyclic;
    const throwing = new Proxy({}, { ownKeys: () => { throw new Error('revoked'); } });
    const input = [
      base,
      new Proxy({ ...base, id: 'proxied' }, {}),
      { ...base, id: 'fn', properties: { handler: () => 1 } },
      { ...base, id: 'sym', contactName: Symbol('x') },
      cyclic,
      throwing,
      { ...base, id: 'date', createdAt: new Date(0) },
    ];
    assert.throws(() => structuredClone(input));
    const safe = cloneSafeRecords(input);
    assert.doesNotThrow(() => structuredClone(safe));
    const sent = parseConversations(safe);
    assert.deepEqual(sent.conversations.map((c) => c.id), ['ok', 'proxied', 'cyclic']);
    assert.deepEqual(sent.errors.map((e) => [e.index, e.field]), [[2, 'properties.handler'], [3, 'contactName'], [5, ''], [6, 'createdAt']]);
    // Same verdict as parsing the originals on this thread (where nothing needs cloning).
    const here = parseConversations(input);
    assert.deepEqual(here.conversations.map((c) => c.id), ['ok', 'proxied', 'cyclic']);
    assert.deepEqual(here.errors.map((e) => e.index), [2, 3, 5, 6]);
    assert.match(sent.errors[2]!.message, /revoked/);
  });
});
