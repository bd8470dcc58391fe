import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { conversation, lookups } from '../../../test/fixtures/conversations.ts';
import { parseConversations } from '../wire/parse-conversations.ts';
import { createTable } from './table.ts';
import { tableCatalog } from './table-catalog.ts';

function table() {
  const { conversations } = parseConversations([
    conversation({ assigneeId: 'bob', properties: { plan: 'pro', seats: 4, vip: true, ['__proto__']: 'x', note: 'free text' } }),
    conversation({ channel: 'email', assigneeId: 'alice', inboxId: 'inbox-2', properties: { plan: 'free', seats: 12, vip: false } }),
    conversation({ assigneeId: 'bob', properties: { plan: 'pro', ['__proto__']: 'y' } }),
    conversation({ assigneeId: null, properties: {} }),
  ]);
  return createTable(conversations, lookups);
}

describe('tableCatalog', () => {
  it('lists the custom properties next to the built-in ones, typed as the editor offers them', () => {
    const catalog = tableCatalog(table());
    const custom = catalog.properties.filter((p) => p.name.startsWith('properties.')).map((p) => [p.name, p.type]);
    assert.deepEqual(custom, [
      ['properties.__proto__', 'enum'],
      ['properties.note', 'enum'],
      ['properties.plan', 'enum'],
      ['properties.seats', 'number'],
      ['properties.vip', 'boolean'],
    ]);
    assert.ok(catalog.properties.some((p) => p.name === 'assigneeId'));
  });

  it('holds the values in the data of every property picked from a list, and crosses a thread boundary intact', () => {
    const catalog = structuredClone(tableCatalog(table()));
    const sorted = (name: string) => [...(catalog.values.get(name) ?? [])].map(String).sort();
    assert.deepEqual(sorted('assigneeId'), ['alice', 'bob']);
    assert.deepEqual(sorted('inboxId'), ['inbox-1', 'inbox-2']);
    assert.deepEqual(sorted('channel'), ['chat', 'email']);
    assert.deepEqual(sorted('properties.plan'), ['free', 'pro']);
    // A property named "__proto__" is a key like any other, before and after structured clone.
    assert.deepEqual(sorted('properties.__proto__'), ['x', 'y']);
    // Numbers and booleans are not lists of values.
    assert.equal(catalog.values.has('properties.seats'), false);
    assert.equal(catalog.values.has('properties.vip'), false);
  });
});
