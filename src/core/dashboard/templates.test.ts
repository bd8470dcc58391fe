import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { propertyCatalog, findProperty } from '../table/properties.ts';
import { parseConversations } from '../wire/parse-conversations.ts';
import { reportSpecSchema } from '../schema/report-spec.ts';
import { createTable } from '../table/table.ts';
import { templates } from './templates.ts';

describe('templates', () => {
  it('hold the six chat and six email reports of the contract, valid and with unique ids', () => {
    const chat = templates.chatOverview.reports;
    const email = templates.emailOverview.reports;
    assert.equal(chat.length, 6);
    assert.equal(email.length, 6);
    assert.ok(chat.every((r) => r.channel === 'chat'));
    assert.ok(email.every((r) => r.channel === 'email'));
    const all = [...chat, ...email];
    assert.equal(new Set(all.map((r) => r.id)).size, 12);
    for (const report of all) assert.deepEqual(reportSpecSchema.parse(report), report);
    const closed = all.filter((r) => r.dateProperty === 'closedAt');
    assert.deepEqual(closed.map((r) => r.id), ['chats-closed-by-assignee', 'emails-closed-by-assignee']);
    assert.ok(closed.every((r) => r.filters.some((f) => f.property === 'status' && f.value === 'closed')));
    assert.deepEqual(
      all.filter((r) => r.measure.op === 'avg').map((r) => [r.id, r.measure.op !== 'count' && r.measure.property]),
      [
        ['chat-response-time-by-assignee', 'responseTime'],
        ['chat-time-to-close-by-assignee', 'timeToClose'],
        ['email-response-time-by-assignee', 'responseTime'],
        ['email-time-to-close-by-assignee', 'timeToClose'],
      ],
    );
  });
});

describe('propertyCatalog', () => {
  it('lists built-in and derived properties with operators and measures that fit their type', () => {
    const catalog = propertyCatalog();
    const responseTime = findProperty(catalog, 'responseTime')!;
    assert.equal(responseTime.type, 'duration');
    assert.ok(responseTime.measures.includes('median'));
    assert.ok(responseTime.operators.includes('between'));
    assert.ok(!findProperty(catalog, 'channel')!.operators.includes('gt'));
    assert.deepEqual(findProperty(catalog, 'hasTicket')!.measures, []);
  });

  it('adds custom properties found in the data with an inferred type', () => {
    const { conversations } = parseConversations([
      { id: 'a', channel: 'chat', status: 'open', inboxId: 'i', createdAt: 1, properties: { csat: 4, vip: true, plan: 'Pro', first_contact: 'x' } },
      { id: 'b', channel: 'chat', status: 'open', inboxId: 'i', createdAt: 1, properties: { csat: null, vip: false } },
    ]);
    const catalog = propertyCatalog(createTable(conversations));
    const custom = catalog.filter((p) => p.source === 'custom').map((p) => [p.name, p.type, p.label]);
    assert.deepEqual(custom, [
      ['properties.csat', 'number', 'Csat'],
      ['properties.first_contact', 'enum', 'First contact'],
      ['properties.plan', 'enum', 'Plan'],
      ['properties.vip', 'boolean', 'Vip'],
    ]);
  });
});
