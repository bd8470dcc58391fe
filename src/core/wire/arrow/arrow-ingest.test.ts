/**
 * Arrow ingest against object ingest on the same data: every template and the custom specs are
 * computed on both tables (the object path is the one the SQL oracle checks), drill rows compared,
 * for one adopted page, several pages, the file format, a foreign schema (timestamps, dictionaries
 * without a null entry, plain utf8), rows out of order and rows rejected.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type Column, type Table, columnFromArray, dictionary, float64, int32, tableFromColumns, tableToIPC, timestamp, TimeUnit, utf8, bool } from '@uwdata/flechette';
import {
  computeReport,
  computeReports,
  createTable,
  drillDown,
  parseConversations,
  templates,
  type Conversation,
  type ConversationTable,
  type ReportSpec,
} from '../../index.ts';
import { IngestSession } from '../ingest.ts';
import { conversationAt, tableFootprint } from '../../table/table.ts';
import { generateConversations } from '../../../sample/generate-conversations.ts';
import { generateAdversarialConversations } from '../../../../test/node/oracle/adversarial-data.ts';
import { drillPoints } from '../../../../test/node/oracle/compare.ts';
import { ADVERSARIAL_CONTEXTS, CUSTOM_SPECS, contextBoundaries, type NamedContext } from '../../../../test/node/oracle/scenarios.ts';
import { ArrowFormatError } from './arrow-format-error.ts';
import { readArrowPage } from './read-arrow.ts';
import { toArrowIPC, toArrowTable } from './to-arrow-ipc.ts';

const templateSpecs = [...templates.chatOverview.reports, ...templates.emailOverview.reports];
const adversarial = generateAdversarialConversations({ boundaries: contextBoundaries(ADVERSARIAL_CONTEXTS) });
const parsed = parseConversations(adversarial.conversations).conversations;
const reference = createTable(parsed, adversarial.lookups);
const specs = [...templateSpecs, ...CUSTOM_SPECS.map((s) => s.spec)];

function ingest(pages: unknown[]): { table: ConversationTable; session: IngestSession } {
  const session = new IngestSession();
  for (const page of pages) session.add(page as never);
  return { table: session.finish(adversarial.lookups), session };
}

function rounded(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v)));
}

function checkAll(candidate: ConversationTable, label: string, contexts: readonly NamedContext[] = ADVERSARIAL_CONTEXTS) {
  for (const named of contexts) {
    const context = { range: named.range, timeZone: named.timeZone, ...(named.compare ? { compare: named.compare } : {}) };
    const usable = specs.filter((spec) => {
      try {
        computeReport(reference, spec, context);
        return true;
      } catch {
        return false;
      }
    });
    const expected = usable.map((spec) => computeReport(reference, spec, context));
    // A float64 custom property is adopted as numbers where objects give dictionary codes: sums
    // then add in another grouping and may differ in the last bits, nothing else may.
    assert.deepEqual(rounded(computeReports(candidate, usable, context)), rounded(expected), `${label} @ ${named.name}`);
    for (const [index, spec] of usable.entries())
      for (const point of drillPoints(spec, expected[index]!).slice(0, 3))
        assert.deepEqual(drillDown(candidate, spec, context, point, { limit: Infinity }), drillDown(reference, spec, context, point, { limit: Infinity }), `${label} drill ${spec.id} @ ${named.name}`);
  }
}

describe('Arrow ingest equals object ingest', () => {
  test('one Arrow stream page is adopted without a copy and answers every report alike', () => {
    const bytes = toArrowIPC(parsed);
    assert.equal(readArrowPage(bytes.slice()).zeroCopy, true);
    const { table, session } = ingest([{ arrow: bytes }]);
    assert.deepEqual(session.rejected, []);
    assert.equal(table.size, reference.size);
    // Adopted: the numeric columns are views of the input bytes, not copies.
    assert.equal(table.createdAt.values.buffer, bytes.buffer);
    assert.equal(table.closedAt.values.buffer, bytes.buffer);
    assert.equal((table.status.codes as Uint8Array).buffer, bytes.buffer);
    assert.equal(table.subject.chunks[0] instanceof Uint8Array && table.subject.chunks[0].buffer, bytes.buffer);
    checkAll(table, 'arrow one page');
  });

  test('the Arrow file format, an ArrayBuffer, and a flechette Table', () => {
    checkAll(ingest([{ arrow: toArrowIPC(parsed, { format: 'file' }) }]).table, 'arrow file', ADVERSARIAL_CONTEXTS.slice(0, 2));
    const bytes = toArrowIPC(parsed);
    checkAll(ingest([{ arrow: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }]).table, 'arrow buffer', ADVERSARIAL_CONTEXTS.slice(0, 1));
    checkAll(ingest([{ arrow: toArrowTable(parsed) }]).table, 'arrow table', ADVERSARIAL_CONTEXTS.slice(0, 1));
  });

  test('Arrow split into pages, and Arrow pages mixed with object pages', () => {
    const pages: unknown[] = [];
    for (let start = 0; start < parsed.length; start += 37) pages.push({ arrow: toArrowIPC(parsed.slice(start, start + 37)) });
    const { table, session } = ingest(pages);
    assert.deepEqual(session.rejected, []);
    checkAll(table, 'arrow pages');
    const mixed = ingest([{ arrow: toArrowIPC(parsed.slice(0, 100)) }, { conversations: parsed.slice(100, 300) }, { arrow: toArrowIPC(parsed.slice(300)) }]);
    assert.deepEqual(mixed.session.rejected, []);
    checkAll(mixed.table, 'mixed pages', ADVERSARIAL_CONTEXTS.slice(0, 2));
  });

  test('a generated sample in Arrow, rows out of creation order', () => {
    const sample = generateConversations({ n: 6000, seed: 5 });
    const table = createTable(sample.conversations, sample.lookups);
    const shuffled = [...sample.conversations].reverse();
    // A foreign writer that does not sort: flechette's own builders, row order as given.
    const arrow = foreignTable(shuffled);
    const session = new IngestSession();
    session.add({ arrow: tableToIPC(arrow, { format: 'stream' })! });
    const fromArrow = session.finish(sample.lookups);
    assert.deepEqual(session.rejected, []);
    const context = { range: { from: Date.UTC(2024, 0, 1), to: Date.UTC(2027, 0, 1) }, timeZone: 'Europe/Amsterdam' };
    const sortIds = (t: ConversationTable, spec: ReportSpec) => drillDown(t, spec, context, { key: computeReport(t, spec, context).rows[0]?.key ?? null }, { limit: Infinity }).rows.map((c) => c.id).sort();
    for (const spec of templateSpecs) {
      assert.deepEqual(JSON.parse(JSON.stringify(computeReport(fromArrow, spec, context))), JSON.parse(JSON.stringify(computeReport(table, spec, context))), spec.id);
      assert.deepEqual(sortIds(fromArrow, spec), sortIds(table, spec), spec.id);
    }
  });
});

/**
 * Conversations as another Arrow writer would give them: timestamps in ms (int64), dictionaries
 * without a null entry (nulls in the validity bits), plain utf8 for a category, ints for a score.
 */
function foreignTable(conversations: readonly Conversation[]) {
  const column = <T>(read: (c: Conversation) => T) => conversations.map(read);
  return tableFromColumns({
    id: columnFromArray(column((c) => c.id), utf8()),
    channel: columnFromArray(column((c) => c.channel), utf8()),
    status: columnFromArray(column((c) => c.status), dictionary(utf8(), int32())),
    inboxId: columnFromArray(column((c) => c.inboxId), dictionary(utf8(), int32())),
    assigneeId: columnFromArray(column((c) => c.assigneeId), dictionary(utf8(), int32())),
    chatflowId: columnFromArray(column((c) => c.chatflowId), dictionary(utf8(), int32())),
    pageUrl: columnFromArray(column((c) => c.pageUrl), utf8()),
    createdAt: columnFromArray(column((c) => c.createdAt), timestamp(TimeUnit.MILLISECOND)),
    firstResponseAt: columnFromArray(column((c) => c.firstResponseAt), timestamp(TimeUnit.MILLISECOND)),
    closedAt: columnFromArray(column((c) => c.closedAt), float64()),
    ticketId: columnFromArray(column((c) => c.ticketId), dictionary(utf8(), int32())),
    subject: columnFromArray(column((c) => c.subject), utf8()),
    contactName: columnFromArray(column((c) => c.contactName), utf8()),
    contactEmail: columnFromArray(column((c) => c.contactEmail), utf8()),
    ...Object.fromEntries(
      [...new Set(conversations.flatMap((c) => Object.keys(c.properties)))].map((name) => {
        const values = column((c) => c.properties[name] ?? null);
        const kind = values.find((v) => v !== null);
        const type = typeof kind === 'number' ? float64() : typeof kind === 'boolean' ? bool() : dictionary(utf8(), int32());
        return [`properties.${name}`, columnFromArray(values, type)];
      }),
    ),
  });
}

const base: Conversation = {
  id: 'c1',
  channel: 'chat',
  status: 'closed',
  inboxId: 'inbox',
  assigneeId: 'ann',
  createdAt: Date.UTC(2026, 0, 5),
  firstResponseAt: Date.UTC(2026, 0, 5, 0, 1),
  closedAt: Date.UTC(2026, 0, 5, 1),
  chatflowId: null,
  pageUrl: null,
  ticketId: null,
  subject: 'Ça marche 👍',
  contactName: null,
  contactEmail: 'x@example.com',
  properties: {},
};

function bagOf(entries: [string, string | number | boolean | null][]): Record<string, string | number | boolean | null> {
  const bag: Record<string, string | number | boolean | null> = Object.create(null);
  for (const [key, value] of entries) bag[key] = value;
  return bag;
}

describe('Arrow ingest: types and edge cases', () => {
  test('nulls, UTF-8 text and a custom property named __proto__ survive (objects and Arrow alike)', () => {
    const rows: Conversation[] = [
      { ...base, properties: bagOf([['__proto__', 'gold'], ['constructor', 3], ['vip', true]]) },
      { ...base, id: 'c2', assigneeId: null, firstResponseAt: null, closedAt: null, status: 'open', subject: null, contactEmail: null, properties: bagOf([['__proto__', null]]) },
    ];
    const session = new IngestSession();
    session.add({ arrow: toArrowIPC(rows) });
    const table = session.finish();
    assert.deepEqual(session.rejected, []);
    const first = conversationAt(table, 0);
    assert.equal(Object.hasOwn(first.properties, '__proto__'), true);
    assert.equal(first.properties['__proto__'], 'gold');
    assert.equal(first.properties['constructor'], 3);
    assert.equal(first.subject, 'Ça marche 👍');
    const second = conversationAt(table, 1);
    assert.deepEqual([second.assigneeId, second.closedAt, second.firstResponseAt, second.subject, second.contactEmail], [null, null, null, null, null]);
    assert.equal(Object.hasOwn(second.properties, '__proto__'), false);
    // Reportable like any property: a dimension keyed by the value, not "Unknown".
    const spec: ReportSpec = { id: 'p', title: 'p', chartType: 'bar', dimension: 'properties.__proto__', measure: { op: 'count' }, filters: [], dateProperty: 'createdAt' };
    const context = { range: { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1) }, timeZone: 'UTC' };
    const keys = computeReport(table, spec, context).rows.map((row) => [row.key, row.count]);
    assert.deepEqual(keys.sort(), [[null, 1], ['gold', 1]]);
    assert.deepEqual(computeReport(createTable(rows), spec, context).rows.map((row) => [row.key, row.count]).sort(), keys);
  });

  test('bad rows become rejects naming row and field; every valid row is kept', () => {
    const t = base.createdAt;
    const rows: Conversation[] = [
      { ...base, id: 'ok-1' },
      { ...base, id: 'early-close', closedAt: t - 1 },
      { ...base, id: 'early-reply', firstResponseAt: t - 1 },
      { ...base, id: 'far-future', createdAt: 8.64e15 + 1, firstResponseAt: null, closedAt: null },
      { ...base, id: 'edge', createdAt: -8.64e15, firstResponseAt: 8.64e15, closedAt: null, status: 'open' },
      { ...base, id: 'huge-close', closedAt: 1e300 },
      { ...base, id: 'ok-1' },
      { ...base, id: '' },
      { ...base, id: 'bad-status', status: 'pending' as 'open' },
      { ...base, id: 'no-channel', channel: '' },
      { ...base, id: 'inf', properties: bagOf([['score', Number.POSITIVE_INFINITY]]) },
      { ...base, id: 'ok-2' },
    ];
    const session = new IngestSession();
    // toArrowIPC sorts by createdAt; the input positions below are those of the sorted rows.
    session.add({ arrow: tableToIPC(foreignTable(rows), { format: 'stream' })! });
    const table = session.finish();
    const kept = Array.from({ length: table.size }, (_, i) => conversationAt(table, i).id);
    assert.deepEqual(kept, ['edge', 'ok-1', 'ok-2']);
    const rejects = session.rejected.map((e) => [e.index, e.id ?? null, e.field]);
    assert.deepEqual(rejects, [
      [1, 'early-close', 'closedAt'],
      [2, 'early-reply', 'firstResponseAt'],
      [3, 'far-future', 'createdAt'],
      [5, 'huge-close', 'closedAt'],
      [6, 'ok-1', 'id'],
      [7, null, 'id'],
      [8, 'bad-status', 'status'],
      [9, 'no-channel', 'channel'],
      [10, 'inf', 'properties.score'],
    ]);
    assert.match(session.rejected.find((e) => e.id === 'far-future')!.message, /Date range/);
    assert.match(session.rejected.find((e) => e.index === 6)!.message, /duplicates/);
  });

  test('duplicate ids across pages are rejected, the first kept', () => {
    const session = new IngestSession();
    session.add({ arrow: toArrowIPC([{ ...base, id: 'a' }, { ...base, id: 'b' }]) });
    session.add({ conversations: [{ ...base, id: 'b' }] });
    session.add({ arrow: toArrowIPC([{ ...base, id: 'a' }, { ...base, id: 'c' }]) });
    const table = session.finish();
    assert.equal(table.size, 3);
    assert.deepEqual(session.rejected.map((e) => [e.index, e.id, e.field]), [[2, 'b', 'id'], [3, 'a', 'id']]);
  });

  test('structural faults throw an ArrowFormatError naming the column', () => {
    const good = toArrowTable([base]) as Table;
    const without = (name: string) => tableFromColumns(good.names.filter((n) => n !== name).map((n) => [n, good.getChild(n)]));
    assert.throws(() => readArrowPage(without('createdAt')), (e: unknown) => e instanceof ArrowFormatError && e.column === 'createdAt' && /required/.test(e.message));
    assert.throws(() => readArrowPage(without('id')), (e: unknown) => e instanceof ArrowFormatError && e.column === 'id');
    const mistyped = tableFromColumns([...good.names.filter((n) => n !== 'createdAt').map((n) => [n, good.getChild(n)] as [string, Column<unknown>]), ['createdAt', columnFromArray(['2026-01-01'], utf8())]]);
    assert.throws(() => readArrowPage(mistyped), (e: unknown) => e instanceof ArrowFormatError && e.column === 'createdAt' && /float64/.test(e.message));
    const extra = tableFromColumns([...good.names.map((n) => [n, good.getChild(n)] as [string, Column<unknown>]), ['priority', columnFromArray(['high'], utf8())]]);
    assert.throws(() => readArrowPage(extra), (e: unknown) => e instanceof ArrowFormatError && e.column === 'priority' && /properties\.<name>/.test(e.message));
    assert.throws(() => readArrowPage(new Uint8Array([1, 2, 3, 4])), (e: unknown) => e instanceof ArrowFormatError && /not a readable Arrow/.test(e.message));
  });

  test('dictionary indices outside the dictionary throw naming the column; under a null they are ignored', () => {
    const rows: Conversation[] = Array.from({ length: 21 }, (_, k) => ({ ...base, id: `c${k}`, assigneeId: k % 4 === 0 ? null : `agent-${k % 3}`, status: k % 2 ? 'open' : 'closed' }));
    const indices = (table: Table, name: string) => table.getChild(name).data[0]!.values as unknown as Int8Array | Int32Array;
    // The kit's form (entry 0 null, adopted) and a foreign one (int32, no null entry, shifted by one).
    for (const [label, make] of [['kit', () => toArrowTable(rows) as Table], ['foreign', () => foreignTable(rows)]] as const) {
      const past = make();
      indices(past, 'status')[19] = 9;
      assert.throws(() => readArrowPage(past), (e: unknown) => e instanceof ArrowFormatError && e.column === 'status' && /index 9 at row 19/.test(e.message), label);
      const negative = make();
      indices(negative, 'inboxId')[3] = -2;
      // An adopted int8 −2 reads as the unsigned code 254.
      assert.throws(() => readArrowPage(negative), (e: unknown) => e instanceof ArrowFormatError && e.column === 'inboxId' && /index (-2|254) at row 3/.test(e.message), label);
    }
    // Where the validity bits say null, the index is unspecified (the kit's form marks nulls by entry 0 instead).
    const underNull = foreignTable(rows);
    indices(underNull, 'assigneeId')[8] = 100;
    const page = readArrowPage(underNull);
    assert.equal(page.dicts.assigneeId!.codes[8], 0);
    assert.equal(page.dicts.assigneeId!.values[page.dicts.assigneeId!.codes[9]!], 'agent-0');
    // Over 255 values: 2-byte codes, garbage under the nulls again.
    const many: Conversation[] = Array.from({ length: 600 }, (_, k) => ({ ...base, id: `m${k}`, assigneeId: k % 5 === 0 ? null : `agent-${k}` }));
    const wide = foreignTable(many);
    for (let k = 0; k < 600; k += 5) indices(wide, 'assigneeId')[k] = 70_000 + k;
    const widePage = readArrowPage(wide);
    assert.ok(widePage.dicts.assigneeId!.codes instanceof Uint16Array);
    assert.deepEqual([...widePage.dicts.assigneeId!.codes].map((code) => widePage.dicts.assigneeId!.values[code]), many.map((c) => c.assigneeId));
  });

  test('the table keeps no second copy: adopted columns plus little else', () => {
    const sample = generateConversations({ n: 20000, seed: 8 });
    const bytes = toArrowIPC(sample.conversations);
    const session = new IngestSession();
    session.add({ arrow: bytes });
    const table = session.finish(sample.lookups);
    const shared = (view: ArrayBufferView) => view.buffer === bytes.buffer;
    assert.ok([table.createdAt.values, table.firstResponseAt.values, table.closedAt.values].every(shared));
    assert.ok(['channel', 'status', 'inboxId', 'assigneeId', 'chatflowId', 'pageUrl'].every((n) => shared(table[n as 'channel'].codes)));
    assert.ok(['id', 'subject', 'contactName', 'contactEmail', 'ticketId'].every((n) => shared(table[n as 'id'].chunks[0] as Uint8Array)));
    // What is not a view: hasTicket (a byte a row), the page URL groups and the dictionaries' values.
    const { columnBytes } = tableFootprint(table);
    assert.ok(columnBytes < bytes.byteLength, `${columnBytes} < ${bytes.byteLength}`);
  });
});
