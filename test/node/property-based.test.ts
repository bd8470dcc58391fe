/**
 * Property-based tests (fast-check) of the two promises the rest of the kit stands on:
 *
 * - `parseConversations` never throws, whatever it is handed, and never drops a valid record
 *   because of what surrounds it;
 * - `computeReport` equals a naive reference written straight from DESIGN.md — arrays of objects,
 *   filter/group/sort, sorting for quantiles — on random data and random specs (every non-date
 *   dimension, breakdowns, every filter operator, every measure, sorts, limits, comparison).
 *
 * Data is integer-valued (whole minutes, whole numbers), so sums, averages and quantiles are exact
 * in both implementations and results can be compared with deep equality.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeReport, createTable, parseConversations, reportSpecSchema } from '../../src/core/index.ts';
import type { Conversation, Lookups } from '../../src/core/schema/conversation.ts';
import type { Filter, ReportSpec, ReportSpecInput } from '../../src/core/schema/report-spec.ts';
import type { Aggregate, GroupKey, ReportContext, ReportResult, ReportRow } from '../../src/core/types.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const BASE = Date.UTC(2026, 2, 2);
/** Keep the whole file well under the suite's time budget. */
const PARSE_RUNS = 150;
const COMPUTE_RUNS = 2500;

// ——— parse ———

const iso = (t: number, offset: 'Z' | '+05:30' | '-08:00') => {
  if (offset === 'Z') return new Date(t).toISOString();
  const shift = offset === '+05:30' ? 330 : -480;
  const local = new Date(t + shift * MIN).toISOString().slice(0, 23);
  return `${local}${offset}`;
};

/** A timestamp as adapters may hand it over: epoch ms, or ISO 8601 with a zone. */
const stamp = (t: number) => fc.constantFrom<'ms' | 'Z' | '+05:30' | '-08:00'>('ms', 'Z', '+05:30', '-08:00').map((form) => (form === 'ms' ? t : iso(t, form)));

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('<script>x</script>', '=SUM(1)', '__proto__', 'constructor', '\uD800', '👩🏽‍💻'));
const propertyValue = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -1000, max: 1000 }), fc.boolean(), fc.constant(null));

/** A record the schema accepts (id filled in later, so ids are unique). */
const validRecord = fc
  .record({
    channel: fc.constantFrom('chat', 'email', 'sms', 'whatsapp'),
    status: fc.constantFrom('open', 'closed'),
    inboxId: fc.string({ maxLength: 6 }),
    assigneeId: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
    created: fc.integer({ min: 0, max: 60 * 24 * 90 }).map((m) => BASE + m * MIN),
    response: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    close: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: null }),
    chatflowId: fc.option(text, { nil: null }),
    pageUrl: fc.option(fc.oneof(fc.webUrl(), text), { nil: null }),
    ticketId: fc.option(text, { nil: null }),
    subject: fc.option(text, { nil: null }),
    properties: fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'toString')), propertyValue, { maxKeys: 4 }),
    omitOptional: fc.boolean(),
  })
  .chain((r) =>
    fc.record({
      createdAt: stamp(r.created),
      firstResponseAt: r.response === null ? fc.constant(null) : stamp(r.created + r.response * MIN),
      closedAt: r.close === null ? fc.constant(null) : stamp(r.created + r.close * MIN),
    }).map((times) => {
      const record: Record<string, unknown> = {
        channel: r.channel,
        status: r.status,
        inboxId: r.inboxId,
        createdAt: times.createdAt,
        // Wire JSON, where "__proto__" is an own key like any other.
        properties: JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(r.properties)))) as unknown,
      };
      const optional = { assigneeId: r.assigneeId, firstResponseAt: times.firstResponseAt, closedAt: times.closedAt, chatflowId: r.chatflowId, pageUrl: r.pageUrl, ticketId: r.ticketId, subject: r.subject };
      // Optional fields may be missing altogether, or null.
      for (const [key, value] of Object.entries(optional)) if (!(r.omitOptional && value === null)) record[key] = value;
      return record;
    }),
  );

/** A record that breaks exactly one rule, made from a valid one. */
function breakRecord(record: Record<string, unknown>, how: number, id: unknown): unknown {
  const broken: Record<string, unknown> = { ...record, id };
  switch (how % 9) {
    case 0:
      broken['status'] = 'pending';
      break;
    case 1:
      broken['createdAt'] = 'yesterday';
      break;
    case 2:
      delete broken['id'];
      break;
    case 3:
      broken['channel'] = '';
      break;
    case 4:
      broken['closedAt'] = (typeof record['createdAt'] === 'number' ? record['createdAt'] : Date.parse(String(record['createdAt']))) - MIN;
      break;
    case 5:
      broken['properties'] = { nested: { deep: true } };
      break;
    case 6:
      broken['createdAt'] = '2026-03-02T10:00:00';
      break;
    case 7:
      broken['inboxId'] = 42;
      break;
    case 8:
      broken['firstResponseAt'] = Number.NaN;
      break;
  }
  return broken;
}

/** Values that are no record at all, including some built to make a careless reader throw. */
function hostileValue(kind: number): unknown {
  switch (kind % 7) {
    case 0: {
      const getter = {};
      Object.defineProperty(getter, 'id', { enumerable: true, get: () => { throw new Error('getter'); } });
      return getter;
    }
    case 1:
      return new Proxy({}, { get: () => { throw new Error('proxy get'); }, ownKeys: () => { throw new Error('proxy keys'); }, getOwnPropertyDescriptor: () => { throw new Error('proxy descriptor'); } });
    case 2: {
      const circular: Record<string, unknown> = { id: 'circular', channel: 'chat', status: 'open', inboxId: 'x', createdAt: 1 };
      circular['properties'] = { self: circular };
      return circular;
    }
    case 3:
      return Object.create(null);
    case 4:
      return { id: 'big', channel: 'chat', status: 'open', inboxId: 'x', createdAt: 10n };
    case 5:
      return { id: Symbol('id'), createdAt: new Date() };
    default:
      return { id: 'p', channel: 'chat', status: 'open', inboxId: 'x', createdAt: 1, properties: new Proxy({}, { ownKeys: () => { throw new Error('keys'); } }) };
  }
}

const junk = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }) },
  { weight: 2, arbitrary: fc.tuple(validRecord, fc.nat()).map(([record, how]) => ({ breakWith: how, record })) },
  { weight: 1, arbitrary: fc.nat().map((kind) => ({ hostile: kind })) },
);

describe('parseConversations (property-based)', () => {
  test('never throws, keeps every valid record in order, and names every other one', () => {
    fc.assert(
      fc.property(
        fc.array(validRecord, { maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(), junk), { maxLength: 25 }),
        (valid, junkAt) => {
          const validIds = valid.map((_, i) => `v-${i}`);
          const items: { record: unknown; valid: boolean }[] = valid.map((record, i) => ({ record: { ...record, id: validIds[i] }, valid: true }));
          for (const [position, item] of junkAt) {
            let record: unknown = item;
            if (item && typeof item === 'object' && 'breakWith' in item) {
              const { breakWith, record: base } = item as { breakWith: number; record: Record<string, unknown> };
              // A broken copy may carry the id of a valid record (before or after it): it must not shadow it.
              const id = validIds.length > 0 && breakWith % 2 === 0 ? validIds[breakWith % validIds.length] : `j-${breakWith}`;
              record = breakRecord(base, breakWith, id);
            } else if (item && typeof item === 'object' && 'hostile' in item) record = hostileValue((item as { hostile: number }).hostile);
            items.splice(position % (items.length + 1), 0, { record, valid: false });
          }
          let result!: ReturnType<typeof parseConversations>;
          assert.doesNotThrow(() => {
            result = parseConversations(items.map((item) => item.record));
          });
          assert.deepEqual(
            result.conversations.map((c) => c.id),
            items.filter((item) => item.valid).map((item) => (item.record as { id: string }).id),
            'every valid record, in input order',
          );
          const rejected = items.flatMap((item, index) => (item.valid ? [] : [index]));
          assert.deepEqual(result.errors.map((e) => e.index), rejected, 'one error per invalid record, at its index');
          for (const error of result.errors) {
            assert.equal(typeof error.message, 'string');
            assert.ok(error.message.length > 0);
            assert.ok(error.problems.length > 0);
          }
          assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
        },
      ),
      { numRuns: PARSE_RUNS },
    );
  });

  test('never throws on input that is not an array, or on an array that cannot be read', () => {
    const unreadable: unknown[] = [];
    Object.defineProperty(unreadable, 0, { get: () => { throw new Error('index'); } });
    unreadable.length = 2;
    for (const input of [undefined, null, 'x', 42, {}, unreadable, new Proxy([], { get: () => { throw new Error('length'); } })]) {
      const result = parseConversations(input);
      assert.equal(result.conversations.length, 0);
      assert.ok(result.errors.length > 0);
    }
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }), (input) => {
        assert.doesNotThrow(() => parseConversations(input));
      }),
      { numRuns: PARSE_RUNS },
    );
  });
});

// ——— computeReport against a naive reference ———

const FROM = BASE + 10 * DAY;
const TO = BASE + 20 * DAY;

const pageUrls = [
  'https://shop.example/pricing',
  'https://shop.example/pricing?utm_source=mail',
  'https://shop.example/pricing#faq',
  'https://shop.example/Pricing',
  'http://shop.example/pricing',
  'https://blog.example/',
  'https://blog.example',
  'not a url',
  'javascript:alert(1)',
  'data:text/plain,hi',
  '',
];

const dataConversation = fc
  .record({
    channel: fc.constantFrom('chat', 'email', 'sms'),
    status: fc.constantFrom('open', 'closed'),
    inboxId: fc.constantFrom('in-1', 'in-2', 'in-3'),
    assigneeId: fc.constantFrom('a1', 'a2', 'a3', 'Bob', '', null),
    // Over 30 days: the range and its previous period both hold data.
    created: fc.integer({ min: 0, max: 30 * 48 }).map((step) => BASE + step * 30 * MIN),
    // Minutes from a few values, so that filter bounds and ties are hit exactly and often.
    response: fc.option(fc.constantFrom(0, 5, 30, 31, 120, 600), { nil: null }),
    close: fc.option(fc.constantFrom(0, 30, 120, 600, 3000, 20_000), { nil: null }),
    chatflowId: fc.constantFrom('f1', 'f2', null),
    pageUrl: fc.option(fc.constantFrom(...pageUrls), { nil: null }),
    ticketId: fc.constantFrom(null, null, 't1', 't2', ''),
    subject: fc.constantFrom(null, 'Refund please', 'REFUND', 'Hello', 'refunds and returns', ''),
    tier: fc.constantFrom('gold', 'silver', 'Gold', null, undefined),
    score: fc.option(fc.integer({ min: -5, max: 40 }), { nil: undefined }),
    flag: fc.option(fc.boolean(), { nil: undefined }),
    mixed: fc.constantFrom<string | number | boolean | null | undefined>('5', 5, true, 'x', null, undefined),
  })
  .map((r): Omit<Conversation, 'id'> => {
    const properties: Conversation['properties'] = {};
    if (r.tier !== undefined) properties['tier'] = r.tier;
    if (r.score !== undefined) properties['score'] = r.score;
    if (r.flag !== undefined) properties['flag'] = r.flag;
    if (r.mixed !== undefined) properties['mixed'] = r.mixed;
    return {
      channel: r.channel,
      status: r.status,
      inboxId: r.inboxId,
      assigneeId: r.assigneeId,
      createdAt: r.created,
      firstResponseAt: r.response === null ? null : r.created + r.response * MIN,
      closedAt: r.close === null ? null : r.created + r.close * MIN,
      chatflowId: r.chatflowId,
      pageUrl: r.pageUrl,
      ticketId: r.ticketId,
      subject: r.subject,
      contactName: null,
      contactEmail: null,
      properties,
    };
  });

const lookupsArbitrary = fc.record({
  // "Bob" is both a name (of a1) and an id without one: two groups, one label.
  assignees: fc.subarray([{ id: 'a1', name: 'Bob' }, { id: 'a2', name: 'Alice' }, { id: 'a3', name: 'alice' }]),
  inboxes: fc.subarray([{ id: 'in-1', name: 'Support' }, { id: 'in-2', name: 'Sales' }]),
  chatflows: fc.subarray([{ id: 'f1', name: 'Pricing bot' }]),
});

const dimensions = ['assigneeId', 'inboxId', 'channel', 'status', 'chatflowId', 'pageUrl', 'hasTicket', 'properties.tier', 'properties.score', 'properties.flag', 'properties.mixed'] as const;
const numericProperties = ['responseTime', 'timeToClose', 'properties.score', 'createdAt', 'closedAt'] as const;

/** Values to filter by, per property: present in the data, absent, and of the wrong type. */
const filterValues: Record<string, readonly (string | number | boolean | null)[]> = {
  assigneeId: ['a1', 'Bob', '', 'nobody'],
  inboxId: ['in-1', 'in-3', 'x'],
  channel: ['chat', 'email', 'CHAT'],
  status: ['open', 'closed'],
  chatflowId: ['f1', 'f2', 'zz'],
  pageUrl: [pageUrls[0]!, pageUrls[1]!, 'not a url', ''],
  hasTicket: [true, false],
  'properties.tier': ['gold', 'Gold', 'bronze'],
  'properties.score': [0, 5, -5, 40, '5'],
  'properties.flag': [true, false],
  'properties.mixed': ['5', 5, true, 'x'],
  subject: ['Refund please', 'Hello', ''],
  ticketId: ['t1', ''],
  responseTime: [0, 60 * MIN],
  timeToClose: [0, 300 * MIN],
  createdAt: [FROM, TO],
  closedAt: [FROM],
};
const containsNeedles = ['refund', 'REF', 'o', 'shop.example/pricing', 'gold', '5', 'a', ''];
const rangeProperties = ['responseTime', 'timeToClose', 'properties.score', 'createdAt', 'closedAt', 'firstResponseAt', 'properties.mixed', 'assigneeId'];

const filterArbitrary: fc.Arbitrary<Filter> = fc.oneof(
  fc.tuple(fc.constantFrom(...Object.keys(filterValues)), fc.constantFrom('is', 'isNot'), fc.nat()).map(([property, operator, pick]) => {
    const values = filterValues[property]!;
    return { property, operator, value: values[pick % values.length]! };
  }),
  fc.tuple(fc.constantFrom(...Object.keys(filterValues)), fc.constantFrom('in', 'notIn'), fc.array(fc.nat(), { maxLength: 3 })).map(([property, operator, picks]) => {
    const values = filterValues[property]!;
    return { property, operator, value: picks.map((pick) => values[pick % values.length]!) };
  }),
  fc.tuple(fc.constantFrom(...Object.keys(filterValues), 'properties.missing'), fc.constantFrom('known', 'unknown')).map(([property, operator]) => ({ property, operator })),
  fc.tuple(fc.constantFrom(...rangeProperties), fc.constantFrom('gt', 'gte', 'lt', 'lte'), fc.nat()).map(([property, operator, pick]) => {
    const candidates = [0, 5, 30 * MIN, 120 * MIN, FROM, FROM + 3 * DAY, -5, 40];
    return { property, operator, value: candidates[pick % candidates.length]! };
  }),
  fc.tuple(fc.constantFrom(...rangeProperties), fc.nat(), fc.nat()).map(([property, a, b]) => {
    const candidates = [0, 5, 30 * MIN, 120 * MIN, 600 * MIN, FROM, FROM + 3 * DAY, -5];
    const [x, y] = [candidates[a % candidates.length]!, candidates[b % candidates.length]!];
    return { property, operator: 'between', value: [Math.min(x, y), Math.max(x, y)] };
  }),
  fc.tuple(fc.constantFrom('subject', 'pageUrl', 'properties.tier', 'assigneeId', 'channel', 'properties.mixed', 'ticketId'), fc.constantFrom(...containsNeedles)).map(([property, value]) => ({ property, operator: 'contains', value })),
) as fc.Arbitrary<Filter>;

const measureArbitrary = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ op: 'count' as const }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('avg', 'median', 'p90', 'min', 'max', 'sum'), property: fc.constantFrom(...numericProperties) }) },
);

const specArbitrary = fc
  .record({
    dimension: fc.constantFrom(...dimensions),
    breakdown: fc.option(fc.constantFrom(...dimensions), { nil: undefined, freq: 3 }),
    measure: measureArbitrary,
    filters: fc.oneof(fc.constant([]), fc.array(filterArbitrary, { maxLength: 3 })),
    channel: fc.option(fc.constantFrom('chat', 'email'), { nil: undefined, freq: 4 }),
    dateProperty: fc.constantFrom('createdAt', 'closedAt', 'firstResponseAt'),
    sort: fc.option(fc.record({ by: fc.constantFrom('value', 'label', 'key'), direction: fc.constantFrom('asc', 'desc') }), { nil: undefined, freq: 2 }),
    limit: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 2 }),
  })
  .map((fields): ReportSpec => {
    const input: ReportSpecInput = { id: 'r', title: 'Random report', chartType: 'bar', ...fields } as ReportSpecInput;
    for (const key of Object.keys(input) as (keyof ReportSpecInput)[]) if (input[key] === undefined) delete input[key];
    return reportSpecSchema.parse(input);
  });

// The reference: DESIGN.md read literally.

type Value = string | number | boolean | null;

function valueOf(c: Conversation, property: string): Value {
  switch (property) {
    case 'responseTime':
      return c.firstResponseAt === null ? null : c.firstResponseAt - c.createdAt;
    case 'timeToClose':
      return c.closedAt === null ? null : c.closedAt - c.createdAt;
    case 'hasTicket':
      return c.ticketId !== null;
  }
  if (property.startsWith('properties.')) {
    const name = property.slice('properties.'.length);
    return Object.hasOwn(c.properties, name) ? (c.properties[name] ?? null) : null;
  }
  return ((c as unknown as Record<string, Value>)[property] ?? null) as Value;
}

/** The grouping value: page URLs by WHATWG origin + pathname, the rest as they are. */
function groupValue(c: Conversation, property: string): Value {
  const value = valueOf(c, property);
  if (property !== 'pageUrl' || typeof value !== 'string') return value;
  try {
    const url = new URL(value);
    return url.origin + url.pathname;
  } catch {
    return value;
  }
}

function passes(c: Conversation, filter: Filter): boolean {
  const v = valueOf(c, filter.property);
  const wanted = filter.value;
  switch (filter.operator) {
    case 'is':
      return v !== null && v === wanted;
    case 'isNot':
      return v === null || v !== wanted;
    case 'in':
      return v !== null && (wanted as Value[]).includes(v);
    case 'notIn':
      return v === null || !(wanted as Value[]).includes(v);
    case 'known':
      return v !== null;
    case 'unknown':
      return v === null;
    case 'gt':
      return typeof v === 'number' && v > (wanted as number);
    case 'gte':
      return typeof v === 'number' && v >= (wanted as number);
    case 'lt':
      return typeof v === 'number' && v < (wanted as number);
    case 'lte':
      return typeof v === 'number' && v <= (wanted as number);
    case 'between': {
      const [min, max] = wanted as [number, number];
      return typeof v === 'number' && v >= min && v <= max;
    }
    case 'contains':
      return v !== null && String(v).toLowerCase().includes(String(wanted).toLowerCase());
  }
}

function quantile(sorted: number[], q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below]!;
  return fraction === 0 ? low : low + (sorted[below + 1]! - low) * fraction;
}

function measure(conversations: Conversation[], spec: ReportSpec): Aggregate {
  const count = conversations.length;
  const m = spec.measure;
  if (m.op === 'count') return { value: count, count };
  if (m.op === 'share') {
    const known = conversations.map((c) => valueOf(c, m.property)).filter((v) => v !== null);
    return { value: known.length === 0 ? null : known.filter((v) => v === m.value).length / known.length, count };
  }
  const values = conversations.map((c) => valueOf(c, m.property)).filter((v): v is number => v !== null);
  if (values.length === 0) return { value: null, count };
  const sum = values.reduce((a, b) => a + b, 0);
  const sorted = [...values].sort((a, b) => a - b);
  const value = { sum, avg: sum / values.length, min: sorted[0]!, max: sorted[sorted.length - 1]!, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) }[m.op];
  return { value, count };
}

const NULL_LABELS: Record<string, string> = { assigneeId: 'Unassigned', chatflowId: 'No chatflow', pageUrl: 'Unknown page', ticketId: 'No ticket' };

function labelOf(property: string, key: Value, lookups: Lookups): string {
  if (key === null) return NULL_LABELS[property] ?? 'Unknown';
  if (typeof key === 'boolean') return key ? 'Yes' : 'No';
  const list = property === 'assigneeId' ? lookups.assignees : property === 'inboxId' ? lookups.inboxes : property === 'chatflowId' ? lookups.chatflows : [];
  return list.find((entry) => entry.id === String(key))?.name ?? String(key);
}

/** Keys are equal when of the same type and value: 5 and "5" are two groups. */
const keyId = (key: Value | undefined) => (key === null || key === undefined ? 'null' : `${typeof key}:${String(key)}`);

interface Group {
  key: Value;
  label: string;
  members: Conversation[];
  total: Aggregate;
}

function groupsOf(conversations: Conversation[], property: string, lookups: Lookups, spec: ReportSpec): Group[] {
  const groups = new Map<string, Group>();
  for (const c of conversations) {
    const key = groupValue(c, property);
    let group = groups.get(keyId(key));
    if (!group) groups.set(keyId(key), (group = { key, label: labelOf(property, key, lookups), members: [], total: { value: null, count: 0 } }));
    group.members.push(c);
  }
  const list = [...groups.values()];
  for (const group of list) group.total = measure(group.members, spec);
  return list;
}

const byLabel = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Nulls last whatever the direction; different types by type name. */
function byKey(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === typeof b) return a < b ? -1 : 1;
  return byLabel(typeof a, typeof b);
}
function byValue(a: number | null, b: number | null, direction: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * direction;
}

function order(sort: ReportSpec['sort']): (a: Group, b: Group) => number {
  const { by, direction } = sort ?? { by: 'value', direction: 'desc' };
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const first =
      by === 'value' ? byValue(a.total.value, b.total.value, sign) : by === 'label' ? byLabel(a.label, b.label) * sign : a.key === null || b.key === null ? byKey(a.key, b.key) : byKey(a.key, b.key) * sign;
    return first || byLabel(a.label, b.label) || byKey(a.key, b.key);
  };
}

function matching(conversations: Conversation[], spec: ReportSpec, range: { from: number; to: number }): Conversation[] {
  const filters = [...(spec.channel ? [{ property: 'channel', operator: 'is', value: spec.channel } as Filter] : []), ...spec.filters];
  return conversations.filter((c) => {
    const t = c[spec.dateProperty];
    return t !== null && t >= range.from && t < range.to && filters.every((filter) => passes(c, filter));
  });
}

function reference(conversations: Conversation[], lookups: Lookups, spec: ReportSpec, context: ReportContext): ReportResult {
  const dimension = spec.dimension!;
  const matched = matching(conversations, spec, context.range);
  const previousRange = { from: context.range.from - (context.range.to - context.range.from), to: context.range.from };
  const previous = context.compare === 'previous-period' ? matching(conversations, spec, previousRange) : null;

  let shown = groupsOf(matched, dimension, lookups, spec);
  let folded: Group[] = [];
  if (spec.limit !== undefined && shown.length > spec.limit) {
    // The top N by value (ties by label), the rest into one "Other" row.
    shown.sort(order({ by: 'value', direction: 'desc' }));
    folded = shown.slice(spec.limit);
    shown = shown.slice(0, spec.limit);
  }
  shown.sort(order(spec.sort));
  const series = spec.breakdown ? groupsOf(matched, spec.breakdown, lookups, spec).sort(order(undefined)) : [null];
  const empty = (): Aggregate => ({ value: spec.measure.op === 'count' ? 0 : null, count: 0 });
  const inSeries = (c: Conversation, s: Group | null) => s === null || keyId(groupValue(c, spec.breakdown!)) === keyId(s.key);
  const previousOf = (keep: (c: Conversation) => boolean): Aggregate => {
    const members = previous!.filter(keep);
    return members.length > 0 ? measure(members, spec) : empty();
  };

  const rows: ReportRow[] = [];
  const push = (key: GroupKey, label: string, members: Conversation[], s: Group | null, previousMembers: ((c: Conversation) => boolean) | null) => {
    const cell = members.filter((c) => inSeries(c, s));
    if (cell.length === 0) return;
    const row: ReportRow = { key, label, ...measure(cell, spec) };
    if (s) {
      row.series = s.key;
      row.seriesLabel = s.label;
    }
    if (previous && previousMembers) row.previous = previousOf((c) => previousMembers(c) && inSeries(c, s));
    rows.push(row);
  };
  for (const group of shown) for (const s of series) push(group.key, group.label, group.members, s, (c) => keyId(groupValue(c, dimension)) === keyId(group.key));
  if (folded.length > 0) {
    const kept = new Set(shown.map((g) => keyId(g.key)));
    const members = folded.flatMap((g) => g.members);
    for (const s of series) push('__other__', 'Other', members, s, (c) => !kept.has(keyId(groupValue(c, dimension))));
  }
  const total: ReportResult['total'] = measure(matched, spec);
  if (previous) total.previous = measure(previous, spec);
  const result: ReportResult = { reportId: spec.id, rows, total, matched: matched.length };
  if (spec.measure.op !== 'count') {
    const property = spec.measure.property;
    result.excluded = matched.filter((c) => valueOf(c, property) === null).length;
  }
  return result;
}

describe('computeReport against a naive reference (property-based)', () => {
  test('the reference agrees with itself on a hand-checked case', () => {
    const make = (id: string, fields: Partial<Conversation>): Conversation => ({
      id, channel: 'chat', status: 'open', inboxId: 'in-1', assigneeId: null, createdAt: FROM, firstResponseAt: null, closedAt: null,
      chatflowId: null, pageUrl: null, ticketId: null, subject: null, contactName: null, contactEmail: null, properties: {}, ...fields,
    });
    const data = [
      make('1', { assigneeId: 'a1', firstResponseAt: FROM + 2 * MIN }),
      make('2', { assigneeId: 'a1', firstResponseAt: FROM + 4 * MIN }),
      make('3', { assigneeId: 'a2', firstResponseAt: FROM + 10 * MIN }),
      make('4', {}),
    ];
    const spec = reportSpecSchema.parse({ id: 'r', title: 'T', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'median', property: 'responseTime' } });
    const lookups = { assignees: [{ id: 'a1', name: 'Bob' }], inboxes: [], chatflows: [] };
    const expected = {
      reportId: 'r',
      rows: [
        { key: 'a2', label: 'a2', value: 10 * MIN, count: 1 },
        { key: 'a1', label: 'Bob', value: 3 * MIN, count: 2 },
        { key: null, label: 'Unassigned', value: null, count: 1 },
      ],
      total: { value: 4 * MIN, count: 4 },
      matched: 4,
      excluded: 1,
    };
    const context = { range: { from: FROM, to: TO }, timeZone: 'UTC' };
    assert.deepEqual(reference(data, lookups, spec, context), expected);
    assert.deepEqual(computeReport(createTable(data, lookups), spec, context), expected);
  });

  test('computeReport equals the reference on random data and random specs', () => {
    fc.assert(
      fc.property(
        fc.array(dataConversation, { minLength: 0, maxLength: 100, size: 'max' }),
        lookupsArbitrary,
        specArbitrary,
        fc.boolean(),
        fc.constantFrom({ from: FROM, to: TO }, { from: BASE + 15 * DAY, to: BASE + 30 * DAY }, { from: FROM, to: FROM + DAY }),
        (records, lookups, spec, compare, range) => {
          const conversations = records.map((record, i) => ({ ...record, id: `c${i}` }));
          const context: ReportContext = { range, timeZone: 'UTC', ...(compare ? { compare: 'previous-period' as const } : {}) };
          const expected = reference(conversations, lookups, spec, context);
          const actual = computeReport(createTable(conversations, lookups), spec, context);
          assert.deepEqual(actual, expected);
        },
      ),
      { numRuns: COMPUTE_RUNS },
    );
  });
});
