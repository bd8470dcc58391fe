import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateConversations } from './generate-conversations.ts';
import { parseConversations } from '../core/wire/parse-conversations.ts';
import type { Conversation } from '../core/schema/conversation.ts';

const N = 20_000;
const END = Date.UTC(2026, 10, 20);
const sample = generateConversations({ n: N, seed: 42 });
const conversations = sample.conversations;

function share(predicate: (conversation: Conversation) => boolean, among: readonly Conversation[] = conversations): number {
  let hits = 0;
  for (const conversation of among) if (predicate(conversation)) hits++;
  return hits / among.length;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

function assertBetween(actual: number, low: number, high: number, what: string): void {
  assert.ok(actual >= low && actual <= high, `${what}: ${actual} not in [${low}, ${high}]`);
}

describe('generateConversations', () => {
  it('gives the same output for the same options and different output for another seed', () => {
    const again = generateConversations({ n: 2000, seed: 42 });
    assert.deepEqual(generateConversations({ n: 2000, seed: 42 }), again);
    const other = generateConversations({ n: 2000, seed: 43 });
    assert.notDeepEqual(other.conversations, again.conversations);
  });

  it('uses the fixed default end, so the default output does not depend on the clock', () => {
    assert.deepEqual(generateConversations({ n: 300 }), generateConversations({ n: 300, seed: 1, end: END, days: 120 }));
  });

  it('makes exactly n records with unique ids', () => {
    assert.equal(conversations.length, N);
    assert.equal(new Set(conversations.map((c) => c.id)).size, N);
    assert.equal(generateConversations({ n: 0 }).conversations.length, 0);
  });

  it('rejects a bad count', () => {
    assert.throws(() => generateConversations({ n: -1 }), RangeError);
    assert.throws(() => generateConversations({ n: 1.5 }), RangeError);
  });

  it('produces only records the parser accepts', () => {
    const { conversations: parsed, errors } = parseConversations(conversations);
    assert.deepEqual(errors, []);
    assert.equal(parsed.length, N);
  });

  it('keeps every timestamp before end and in order', () => {
    const start = END - 120 * 24 * 3600_000;
    let withMilliseconds = 0;
    for (const c of conversations) {
      assert.ok(Number.isInteger(c.createdAt) && c.createdAt >= start && c.createdAt < END, c.id);
      if (c.firstResponseAt !== null) {
        assert.ok(Number.isInteger(c.firstResponseAt) && c.firstResponseAt >= c.createdAt && c.firstResponseAt < END, c.id);
      }
      if (c.closedAt !== null) {
        assert.ok(Number.isInteger(c.closedAt) && c.closedAt >= c.createdAt && c.closedAt < END, c.id);
        if (c.firstResponseAt !== null) assert.ok(c.closedAt >= c.firstResponseAt, c.id);
      }
      assert.equal(c.status === 'open', c.closedAt === null, c.id);
      if (c.createdAt % 1000 !== 0) withMilliseconds++;
    }
    assert.ok(withMilliseconds > 0 && withMilliseconds < N, 'some timestamps carry milliseconds, some do not');
  });

  it('honours end and days', () => {
    const end = Date.UTC(2025, 0, 1);
    const { conversations: short } = generateConversations({ n: 500, end, days: 7 });
    for (const c of short) {
      assert.ok(c.createdAt >= end - 7 * 24 * 3600_000 && c.createdAt < end);
      for (const at of [c.firstResponseAt, c.closedAt]) if (at !== null) assert.ok(at < end);
    }
  });

  it('has the advertised shares of open, unanswered, unassigned, ticketed and chat conversations', () => {
    assertBetween(share((c) => c.status === 'open'), 0.07, 0.13, 'open');
    assertBetween(share((c) => c.firstResponseAt === null), 0.05, 0.11, 'no reply yet');
    assertBetween(share((c) => c.assigneeId === null), 0.03, 0.07, 'unassigned');
    assertBetween(share((c) => c.ticketId !== null), 0.25, 0.35, 'with a ticket');
    assertBetween(share((c) => c.channel === 'chat'), 0.55, 0.65, 'chat');
    assert.ok(share((c) => c.channel === 'email') > 0.3);
  });

  it('gives chat a chatflow and page URL (a few null) and email neither', () => {
    const chats = conversations.filter((c) => c.channel === 'chat');
    const emails = conversations.filter((c) => c.channel === 'email');
    assertBetween(share((c) => c.pageUrl === null, chats), 0.001, 0.06, 'chat without page URL');
    assertBetween(share((c) => c.chatflowId === null, chats), 0.001, 0.06, 'chat without chatflow');
    assert.ok(emails.every((c) => c.chatflowId === null && c.pageUrl === null));
    assert.ok(emails.every((c) => c.subject !== null));
    assert.ok(conversations.every((c) => c.contactName !== null && c.contactEmail?.includes('@')));
  });

  it('uses about fifty pages on one or two origins, with UTM and fragment variants', () => {
    const urls = conversations.flatMap((c) => (c.pageUrl === null ? [] : [new URL(c.pageUrl)]));
    const pages = new Set(urls.map((url) => url.origin + url.pathname));
    assertBetween(pages.size, 40, 60, 'distinct normalized pages');
    const origins = new Set(urls.map((url) => url.origin));
    assertBetween(origins.size, 1, 2, 'origins');
    assert.ok([...origins].every((origin) => origin.startsWith('https://')));
    assert.ok(urls.some((url) => url.searchParams.has('utm_source') && url.searchParams.has('utm_medium')));
    assert.ok(urls.some((url) => url.hash !== ''));
    assert.ok(new Set(urls.map((url) => url.href)).size > pages.size, 'raw URLs outnumber normalized pages');
  });

  it('names about twenty assignees in two or three teams, three inboxes and eight chatflows', () => {
    const { lookups } = sample;
    assertBetween(lookups.assignees.length, 18, 22, 'assignees');
    const teams = new Set(lookups.assignees.map((a) => a.teamId));
    assertBetween(teams.size, 2, 3, 'teams');
    assert.equal(lookups.inboxes.length, 3);
    assert.equal(lookups.chatflows.length, 8);
    const assigneeIds = new Set(lookups.assignees.map((a) => a.id));
    const used = new Set(conversations.flatMap((c) => (c.assigneeId === null ? [] : [c.assigneeId])));
    assert.ok([...used].every((id) => assigneeIds.has(id)));
    assertBetween(used.size, 18, 22, 'assignees with conversations');
    assert.deepEqual(new Set(conversations.map((c) => c.inboxId)), new Set(lookups.inboxes.map((i) => i.id)));
    const flows = new Set(conversations.flatMap((c) => (c.chatflowId === null ? [] : [c.chatflowId])));
    assert.deepEqual(flows, new Set(lookups.chatflows.map((f) => f.id)));
  });

  it('skews the load: the busiest assignee handles several times what the quietest does', () => {
    const counts = new Map<string, number>();
    for (const c of conversations) if (c.assigneeId !== null) counts.set(c.assigneeId, (counts.get(c.assigneeId) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    assert.ok(sorted[0]! > 4 * sorted.at(-1)!, `busiest ${sorted[0]}, quietest ${sorted.at(-1)}`);
  });

  it('answers chat in minutes and email in hours, and closes later than it answers', () => {
    const responses = (channel: string) =>
      conversations.flatMap((c) => (c.channel === channel && c.firstResponseAt !== null ? [c.firstResponseAt - c.createdAt] : []));
    const closes = (channel: string) =>
      conversations.flatMap((c) => (c.channel === channel && c.closedAt !== null ? [c.closedAt - c.createdAt] : []));
    const minute = 60_000;
    const hour = 60 * minute;
    const chatResponse = median(responses('chat'));
    const emailResponse = median(responses('email'));
    assertBetween(chatResponse / minute, 1.5, 5, 'median chat response (min)');
    assertBetween(emailResponse / hour, 1.5, 5, 'median email response (h)');
    assert.ok(median(closes('chat')) > chatResponse);
    assert.ok(median(closes('email')) > emailResponse);
  });

  it('fills the custom properties', () => {
    const priorities = new Set(conversations.map((c) => c.properties['priority']));
    assert.deepEqual(priorities, new Set(['low', 'normal', 'high', 'urgent']));
    const languages = new Set(conversations.map((c) => c.properties['language']));
    assert.deepEqual(languages, new Set(['en', 'fr', 'nl']));
    assert.ok(conversations.every((c) => typeof c.properties['vip'] === 'boolean'));
    assert.ok(conversations.some((c) => c.properties['vip'] === true));
    const csat = conversations.map((c) => c.properties['csat']);
    assert.ok(csat.every((value) => value === null || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5)));
    assert.ok(csat.some((value) => value === null) && csat.some((value) => value !== null));
  });

  it('peaks in office hours in the chosen zone', () => {
    // Checked with Intl per record, independently of the generator's per-day offsets.
    for (const timeZone of ['Europe/Amsterdam', 'America/New_York']) {
      const { conversations: zoned } = timeZone === 'Europe/Amsterdam' ? sample : generateConversations({ n: N, seed: 42, timeZone });
      const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric', weekday: 'short' });
      let officeHours = 0;
      let night = 0;
      let weekendDaytime = 0;
      // The out-of-hours bot only starts chats outside Mon–Fri 9–17, so it shows whether the
      // generator placed each hour right across the DST change inside the default span.
      let outOfHoursBotInOffice = 0;
      for (const c of zoned) {
        const parts = format.formatToParts(c.createdAt);
        const hour = Number(parts.find((p) => p.type === 'hour')!.value);
        const weekday = parts.find((p) => p.type === 'weekday')!.value;
        const weekend = weekday === 'Sat' || weekday === 'Sun';
        if (!weekend && hour >= 10 && hour < 16) officeHours++;
        if (hour < 6) night++;
        if (weekend && hour >= 10 && hour < 16) weekendDaytime++;
        if (c.chatflowId === 'flow-out-of-hours' && !weekend && hour >= 9 && hour < 17) outOfHoursBotInOffice++;
      }
      assert.ok(outOfHoursBotInOffice === 0, `${timeZone}: ${outOfHoursBotInOffice} out-of-hours chats in office hours`);
      assert.ok(officeHours > 5 * night, `${timeZone}: office ${officeHours} vs night ${night}`);
      // Five weekdays against two weekend days: per day, weekdays must still be clearly busier.
      assert.ok(officeHours / 5 > 2 * (weekendDaytime / 2), `${timeZone}: weekday ${officeHours} vs weekend ${weekendDaytime}`);
    }
  });
});
