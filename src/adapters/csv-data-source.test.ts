import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConversations } from '../core/index.ts';
import { CsvDataSource, suggestCsvMapping } from './csv-data-source.ts';
import type { DataPage } from './data-source.ts';
import { FakeClock, json, scriptedFetch } from './testing/fake-http.ts';

const range = { from: 0, to: Date.UTC(2030, 0, 1) };

async function load(source: CsvDataSource, signal = new AbortController().signal): Promise<DataPage[]> {
  const pages: DataPage[] = [];
  for await (const page of source.load({ range, signal })) pages.push(page as DataPage);
  return pages;
}

const HELP_DESK = [
  'Conversation ID,Channel,State,Inbox,Assigned to,Created,First reply at,Resolved at,Page URL,Chatflow,Ticket,Subject,Customer,Email,Plan,Seats,Trial',
  'c-1,Chat,Closed,support,agent-1,2026-03-02T09:14:05Z,2026-03-02T09:16:47Z,2026-03-02T09:40:11Z,https://shop.example.com/pricing?utm_source=x,welcome,T-1,Refund,Lena,lena@example.com,pro,12,true',
  'c-2,email,open,sales,,1772443320000,,,,,,"Invoice, again",Piet,,basic,3,false',
].join('\r\n');

describe('CsvDataSource column mapping', () => {
  test('matches headers by name, exposes them and the suggestion, and reads the rows', async () => {
    const source = CsvDataSource.fromText(HELP_DESK);
    assert.deepEqual(source.headers.slice(0, 3), ['Conversation ID', 'Channel', 'State']);
    assert.deepEqual(source.suggestedMapping, {
      id: 'Conversation ID',
      channel: 'Channel',
      status: 'State',
      inboxId: 'Inbox',
      assigneeId: 'Assigned to',
      createdAt: 'Created',
      firstResponseAt: 'First reply at',
      closedAt: 'Resolved at',
      chatflowId: 'Chatflow',
      pageUrl: 'Page URL',
      ticketId: 'Ticket',
      subject: 'Subject',
      contactName: 'Customer',
      contactEmail: 'Email',
    });
    assert.deepEqual(source.missingFields, []);
    assert.deepEqual(source.errors, []);
    const [page] = await load(source);
    assert.equal(page!.total, 2);
    const parsed = parseConversations(page!.conversations);
    assert.deepEqual(parsed.errors, []);
    const [first, second] = parsed.conversations;
    assert.equal(first!.channel, 'chat');
    assert.equal(first!.status, 'closed');
    assert.equal(first!.createdAt, Date.UTC(2026, 2, 2, 9, 14, 5));
    assert.equal(second!.assigneeId, null, 'an empty cell is null');
    assert.equal(second!.createdAt, 1772443320000);
    assert.equal(second!.subject, 'Invoice, again');
    // Columns no field uses become typed custom properties.
    assert.deepEqual({ ...first!.properties }, { Plan: 'pro', Seats: 12, Trial: true });
  });

  test('the kit’s own field names map back exactly, before any synonym', () => {
    const mapping = suggestCsvMapping(['email', 'contactEmail', 'created', 'createdAt', 'id']);
    assert.equal(mapping.contactEmail, 'contactEmail');
    assert.equal(mapping.createdAt, 'createdAt');
    assert.equal(mapping.id, 'id');
  });

  test('the mapping can be changed before loading; a field can be left empty', async () => {
    const source = CsvDataSource.fromText(HELP_DESK);
    source.mapping = { ...source.mapping, contactName: null, subject: 'Plan' };
    assert.equal(source.mapping.contactName, null);
    const [page] = await load(source);
    const record = page!.conversations[0] as Record<string, unknown>;
    assert.equal(record.subject, 'pro');
    assert.equal(record.contactName, null);
    assert.equal((record.properties as Record<string, unknown>).Customer, 'Lena', 'an unmapped column becomes a property');
    assert.throws(() => (source.mapping = { id: 'No such column' }), RangeError);
  });

  test('required fields without a column are reported; ids default to the line', async () => {
    const source = CsvDataSource.fromText('created,who\n2026-03-01T10:00:00Z,ana\n');
    assert.deepEqual(source.missingFields, ['channel', 'status', 'inboxId']);
    assert.equal(source.records()[0]!.id, 'line-2');
  });

  test('options: a delimiter is detected, a byte-order mark dropped, unmapped columns can be ignored', () => {
    const source = new CsvDataSource('\uFEFFid;channel;status;inbox;created;extra\n1;chat;open;a;2026-03-01T10:00:00Z;x\n', { extraColumns: 'ignore' });
    assert.equal(source.headers[0], 'id');
    assert.deepEqual({ ...(source.records()[0]!.properties as object) }, {});
    assert.deepEqual(source.errors, []);
  });
});

describe('CsvDataSource errors per line', () => {
  const text = [
    'id,channel,status,inboxId,createdAt,closedAt,note', // 1
    '1,chat,open,a,2026-03-01T10:00:00Z,,fine', // 2
    '2,chat,opened,a,2026-03-01T10:00:00Z,,bad status', // 3
    '3,chat,open,a,"2026-03-01T10:00:00Z",,"a note', // 4
    'spanning two lines"', // 5
    '', // 6
    '4,chat,closed,a,yesterday,2026-03-02T10:00:00Z,bad date', // 7
    '5,chat,open,a,2026-03-01T10:00:00Z', // 8: too few fields
    '6,email,closed,b,2026-03-05T10:00:00Z,2026-03-04T10:00:00Z,closed before created', // 9
    '7,chat,open,a,2026-03-01T10:00:00Z,,ok,', // 10: a trailing empty field is fine
    '8,chat,open,a,2026-03-01T10:00:00Z,,x,y', // 11: a stray field is not
  ].join('\n');

  test('each problem names its line, field and reason; the good lines are kept', async () => {
    const source = CsvDataSource.fromText(text);
    const problems = source.errors.map((e) => `${e.line} ${e.field} ${e.message}`);
    assert.deepEqual(problems, [
      '3 status must be "open" or "closed"',
      '7 createdAt must be epoch milliseconds or an ISO 8601 date-time with a zone (Z or ±hh:mm)',
      '8  has 5 fields where the header has 7',
      '9 closedAt is earlier than createdAt',
      '11  has 8 fields where the header has 7',
    ]);
    assert.equal(source.errors.find((e) => e.line === 3)!.column, 'status');
    assert.equal(source.errors.find((e) => e.line === 3)!.id, '2');
    const pages = await load(source);
    const records = pages.flatMap((p) => p.conversations);
    assert.equal(records.length, 6, 'every readable row is handed over, in order');
    const parsed = parseConversations(records);
    assert.deepEqual(parsed.conversations.map((c) => c.id), ['1', '3', '7']);
    // The kit's rejected records point back to lines.
    assert.deepEqual(parsed.errors.map((e) => source.lineOf(e.index)), [3, 7, 9]);
    assert.equal(source.lineOf(2), 4, 'a quoted field over two lines starts on its first line');
    assert.equal((parsed.conversations[1]!.properties as Record<string, unknown>).note, 'a note\nspanning two lines');
  });

  test('an unclosed quote makes the rest unreadable, and says where', () => {
    const source = CsvDataSource.fromText('id,channel,status,inboxId,createdAt\n1,chat,open,a,2026-03-01T10:00:00Z\n2,chat,open,"a,2026-03-01T10:00:00Z\n');
    assert.equal(source.rowCount, 1);
    assert.equal(source.errors[0]!.line, 3);
    assert.match(source.errors[0]!.message, /cannot be read/);
  });

  test('line numbers hold with CRLF and blank lines', () => {
    const source = CsvDataSource.fromText('id,channel,status,inboxId,createdAt\r\n\r\n1,chat,open,a,2026-03-01T10:00:00Z\r\n\r\n\r\n2,chat,nope,a,2026-03-01T10:00:00Z\r\n');
    assert.deepEqual([source.lineOf(0), source.lineOf(1)], [3, 6]);
    assert.equal(source.errors[0]!.line, 6);
  });
});

describe('CsvDataSource values', () => {
  test('times: ISO with a zone, epoch seconds or ms, and zone-less times read in the given zone', () => {
    const text = 'id,channel,status,inboxId,createdAt\n1,chat,open,a,2026-01-15 09:30\n2,chat,open,a,2026-07-15T09:30:00\n3,chat,open,a,1767225600\n4,chat,open,a,2026-03-01 10:00:00+02:00\n5,chat,open,a,2026-03-29 02:30\n';
    const zoned = new CsvDataSource(text, { timeZone: 'Europe/Amsterdam' });
    const times = parseConversations(zoned.records()).conversations.map((c) => c.createdAt);
    assert.deepEqual(times, [
      Date.UTC(2026, 0, 15, 8, 30),
      Date.UTC(2026, 6, 15, 7, 30),
      Date.UTC(2026, 0, 1),
      Date.UTC(2026, 2, 1, 8),
      // 02:30 does not exist that night (clocks go 02:00 → 03:00): read with the offset before the change.
      Date.UTC(2026, 2, 29, 1, 30),
    ]);
    const plain = CsvDataSource.fromText(text);
    assert.deepEqual(plain.errors.map((e) => e.line), [2, 3, 6], 'without a zone, local times are rejected by line');
  });

  test('custom property names from headers cannot reach Object.prototype', () => {
    const source = CsvDataSource.fromText('id,channel,status,inboxId,createdAt,__proto__,constructor\n1,chat,open,a,2026-03-01T10:00:00Z,polluted,x\n');
    const [conversation] = parseConversations(source.records()).conversations;
    assert.equal(conversation!.properties['__proto__'], 'polluted');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('duplicate and empty headers get names of their own', () => {
    const source = CsvDataSource.fromText('id,Note,Note,,channel\n1,a,b,c,chat\n');
    assert.deepEqual(source.headers, ['id', 'Note', 'Note (2)', 'Column 4', 'channel']);
  });
});

describe('CsvDataSource inputs', () => {
  test('from a File, in another encoding', async () => {
    const bytes = Uint8Array.from([...'id,channel,status,inboxId,createdAt,contactName\n1,chat,open,a,2026-03-01T10:00:00Z,Ren'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x0a]));
    const source = await CsvDataSource.fromFile(new Blob([bytes]), { encoding: 'windows-1252' });
    assert.equal(source.records()[0]!.contactName, 'René');
  });

  test('from a URL, retried after a 500; a 404 fails with the reason', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = scriptedFetch((_call, index) => (index === 0 ? json({}, 500) : new Response('id,channel,status,inboxId,createdAt\n1,chat,open,a,2026-03-01T10:00:00Z\n')));
    const source = await CsvDataSource.fromUrl('https://files.example.com/export.csv', { fetch, sleep: clock.sleep, headers: { Authorization: 'Bearer t' } });
    assert.equal(source.rowCount, 1);
    assert.equal(calls.length, 2);
    assert.equal(calls[1]!.headers.get('Authorization'), 'Bearer t');
    const missing = scriptedFetch(() => json({}, 404));
    await assert.rejects(CsvDataSource.fromUrl('https://files.example.com/gone.csv', { fetch: missing.fetch }), /could not be loaded.*404/);
  });

  test('pages, and stops on abort', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `${i},chat,open,a,2026-03-01T10:00:00Z`);
    const source = new CsvDataSource(['id,channel,status,inboxId,createdAt', ...rows].join('\n'), { pageSize: 10 });
    assert.deepEqual((await load(source)).map((p) => [p.conversations.length, p.total]), [[10, 25], [10, 25], [5, 25]]);
    const controller = new AbortController();
    const iterator = source.load({ range, signal: controller.signal })[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    await assert.rejects(iterator.next(), { name: 'AbortError' });
  });
});
