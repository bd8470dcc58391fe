import type { BusinessClock } from '../time/business-time.ts';
import type { ClockLayouts } from '../time/business-time-columns.ts';
import { businessTimeImplementation } from '../time/business-time-registry.ts';
import { offsetSegments } from '../time/offset-segments.ts';
import { extent } from './value-extent.ts';
import { UnknownPropertyError, type ColumnAccess, type DictAccess, type NumberAccess } from './column-access.ts';
import { InvalidMeasureError, MissingBusinessHoursError } from '../errors.ts';
import type { BusinessHours, Sla } from '../schema/business-hours.ts';
import type { PropertyValue } from '../schema/conversation.ts';
import type { Filter, ReportSpec } from '../schema/report-spec.ts';
import type { ConversationTable } from './table.ts';
import type { ReportContext } from '../types.ts';

/**
 * (DESIGN v2) Properties whose values depend on the context as well as the data: weekday and hour
 * in `context.timeZone`, spans in business hours, SLA states. They are materialized as ordinary
 * columns (dictionary codes or a Float64Array) under an internal name that carries what they
 * depend on, `createdHour␁Europe/Amsterdam`, so every cache keyed by property name (selections,
 * cubes, groupings, numeric views) tells two contexts apart with no change to the kernels. A
 * `share` measure becomes the average of a 1/0 column (NaN where the property is null), which is
 * exactly "the fraction among non-null values".
 */

const SEP = '\u0001';
const SHARE = '\u0002share';
const DAY = 86_400_000;
const HOUR = 3_600_000;

export const CONTEXT_PROPERTIES = [
  'createdWeekday',
  'createdHour',
  'responseTimeBusiness',
  'timeToCloseBusiness',
  'firstResponseSla',
  'closeSla',
] as const;
type ContextProperty = (typeof CONTEXT_PROPERTIES)[number];

function isContextProperty(name: string): name is ContextProperty {
  return (CONTEXT_PROPERTIES as readonly string[]).includes(name);
}

/** The property name a user wrote, from an internal one. */
export function publicName(name: string): string {
  if (name.startsWith(SHARE)) return publicName(name.slice(SHARE.length + 1).split(SEP)[0]!);
  const at = name.indexOf(SEP);
  return at < 0 ? name : name.slice(0, at);
}

/** What the context-dependent columns are computed from; `now` already resolved. */
export interface DerivedContext {
  timeZone: string;
  businessHours: BusinessHours | undefined;
  sla: Sla | undefined;
  now: number;
}

export function derivedContext(context: ReportContext, now = Date.now()): DerivedContext {
  return { timeZone: context.timeZone, businessHours: context.businessHours, sla: context.sla, now: context.sla?.now ?? now };
}

// ---------------------------------------------------------------------------------------------
// The registry: materialized columns per table, the least recently used dropped past a budget.

const registries = new WeakMap<ConversationTable, Map<string, ColumnAccess>>();
/** Enough for every derived property of a few contexts at once (each ≤ 8 bytes a row). */
const REGISTRY_SIZE = 24;

/** Drops every materialized column of `table` (they are made again when needed). */
export function clearDerivedColumns(table: ConversationTable): void {
  registries.delete(table);
  clockCache.delete(table);
  flipCache.delete(table);
}

function registry(table: ConversationTable): Map<string, ColumnAccess> {
  let map = registries.get(table);
  if (!map) registries.set(table, (map = new Map()));
  return map;
}

function remember<T extends ColumnAccess>(table: ConversationTable, name: string, make: () => T): T {
  const map = registry(table);
  const have = map.get(name);
  if (have) {
    map.delete(name);
    map.set(name, have);
    return have as T;
  }
  const made = make();
  if (map.size >= REGISTRY_SIZE) map.delete(map.keys().next().value!);
  map.set(name, made);
  return made;
}

/** Reads any column of a table by name: `columnAccess`, handed in by columns.ts, which calls this module. */
export type ColumnOf = (table: ConversationTable, name: string) => ColumnAccess;

/**
 * The column behind an internal name made by `resolveSpec` (or the context-free `teamId`). Names
 * say everything their column is computed from, so a column dropped from the cache is made again.
 * `columnOf` reads the columns a derived one is made from (a share of any column, an SLA of a span).
 */
export function derivedColumn(table: ConversationTable, name: string, columnOf: ColumnOf): ColumnAccess | undefined {
  if (name === 'teamId') return remember(table, name, () => teamColumn(table));
  if (!name.includes(SEP)) return undefined;
  return remember(table, name, () => materialize(table, name, columnOf));
}

// ---------------------------------------------------------------------------------------------
// The columns.

function teamColumn(table: ConversationTable): DictAccess {
  const teamOf = new Map(table.lookups.assignees.map((assignee) => [assignee.id, assignee.teamId ?? null]));
  const values: PropertyValue[] = [null];
  const codeOf = new Map<string, number>();
  const assignees = table.assigneeId.values;
  const map = new Uint32Array(assignees.length);
  for (let code = 1; code < assignees.length; code++) {
    const team = teamOf.get(String(assignees[code])) ?? null;
    if (team === null) continue;
    let teamCode = codeOf.get(team);
    if (teamCode === undefined) {
      teamCode = values.length;
      values.push(team);
      codeOf.set(team, teamCode);
    }
    map[code] = teamCode;
  }
  const source = table.assigneeId.codes;
  const codes = values.length <= 0x100 ? new Uint8Array(table.size) : values.length <= 0x10000 ? new Uint16Array(table.size) : new Uint32Array(table.size);
  for (let i = 0; i < codes.length; i++) codes[i] = map[source[i]!]!;
  return { kind: 'dict', name: 'teamId', codes, values };
}

function weekdayHourColumns(table: ConversationTable, timeZone: string): { weekday: DictAccess; hour: DictAccess } {
  const created = table.createdAt.values;
  const weekdayCodes = new Uint8Array(table.size);
  const hourCodes = new Uint8Array(table.size);
  if (table.size > 0) {
    const [from, to] = extent(created);
    const segments = offsetSegments(from, to + 1, timeZone);
    const starts = Float64Array.from(segments, (segment, k) => (k === 0 ? Number.NEGATIVE_INFINITY : segment.from));
    const offsets = Float64Array.from(segments, (segment) => segment.offset);
    let k = 0;
    for (let i = 0; i < created.length; i++) {
      const t = created[i]!;
      // Rows are in creation order: the segment moves forward; otherwise search it.
      if (!(t >= starts[k]! && (k + 1 >= starts.length || t < starts[k + 1]!))) {
        let lo = 0;
        let hi = starts.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (starts[mid]! <= t) lo = mid + 1;
          else hi = mid;
        }
        k = lo - 1;
      }
      const wall = t + offsets[k]!;
      const day = Math.floor(wall / DAY);
      // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
      weekdayCodes[i] = ((((day + 3) % 7) + 7) % 7) + 1;
      hourCodes[i] = Math.floor((wall - day * DAY) / HOUR) + 1;
    }
  }
  return {
    weekday: { kind: 'dict', name: 'createdWeekday', codes: weekdayCodes, values: [null, 1, 2, 3, 4, 5, 6, 7] },
    hour: { kind: 'dict', name: 'createdHour', codes: hourCodes, values: [null, ...Array.from({ length: 24 }, (_, h) => h)] },
  };
}

/** Laid-out schedules per table (business-time-columns.ts). */
const clockCache = new WeakMap<ConversationTable, ClockLayouts>();

/** One clock per schedule used (the top one and each inbox's), per inbox code, covering the data and `now`. */
function clocksByInbox(table: ConversationTable, hours: BusinessHours, now: number | null): BusinessClock[] {
  let layouts = clockCache.get(table);
  if (!layouts) clockCache.set(table, (layouts = new Map()));
  return businessTimeImplementation().clocksCovering(layouts, hours, table, now);
}

/** Both business spans, computed by the business-time module (business-time-columns.ts). */
function businessSpanColumns(table: ConversationTable, hours: BusinessHours): { response: NumberAccess; close: NumberAccess } {
  const { response, close } =
    table.size > 0
      ? businessTimeImplementation().businessSpans(table, clocksByInbox(table, hours, null))
      : { response: new Float64Array(0), close: new Float64Array(0) };
  return {
    response: { kind: 'number', name: 'responseTimeBusiness', values: response, isDate: false, isDuration: true },
    close: { kind: 'number', name: 'timeToCloseBusiness', values: close, isDate: false, isDuration: true },
  };
}

const SLA_VALUES: PropertyValue[] = [null, 'met', 'breached', 'pending'];

/**
 * When each conversation still waiting (no response, or not closed) passes its target: it is
 * breached exactly for a `now` later than this. They tell which `now`s give the same column: all
 * those between two consecutive instants, so a dashboard that recomputes every minute reuses the
 * column (and every selection and cube built on it) until some conversation crosses its target.
 */
interface Flips {
  perRow: Float64Array;
  /** The waiting conversations' instants, packed (one linear scan per new `now` beats a sort). */
  waiting: Float64Array;
  clocks: BusinessClock[] | null;
}

const flipCache = new WeakMap<ConversationTable, Map<string, Flips>>();

function slaFlips(table: ConversationTable, first: boolean, target: number, hours: BusinessHours | null, cover: number | null): Flips {
  const clocks = hours ? clocksByInbox(table, hours, cover) : null;
  let byKey = flipCache.get(table);
  if (!byKey) flipCache.set(table, (byKey = new Map()));
  const key = JSON.stringify([first, target, hours]);
  const cached = byKey.get(key);
  if (cached && cached.clocks === clocks) return cached;
  const end = first ? table.firstResponseAt.values : table.closedAt.values;
  const created = table.createdAt.values;
  const inbox = table.inboxId.codes;
  const perRow = new Float64Array(table.size);
  const waiting: number[] = [];
  for (let i = 0; i < perRow.length; i++) {
    const b = end[i]!;
    if (b === b) {
      perRow[i] = Number.NaN;
      continue;
    }
    const flip = clocks ? clocks[inbox[i]!]!.breachInstant(created[i]!, target) : created[i]! + target;
    perRow[i] = flip;
    waiting.push(flip);
  }
  const flips = { perRow, waiting: Float64Array.from(waiting), clocks };
  if (byKey.size >= 8) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, flips);
  return flips;
}

/** The last waiting conversation's breach instant before `now` (null when none): what names the column for `now`. */
function breachedUpTo(flips: Flips, now: number): number | null {
  const { waiting } = flips;
  let last = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < waiting.length; k++) {
    const flip = waiting[k]!;
    if (flip < now && flip > last) last = flip;
  }
  return last === Number.NEGATIVE_INFINITY ? null : last;
}

/** SLA states: ended within the target (met) or not (breached); still waiting: breached past its breach instant, else pending. */
function slaColumn(table: ConversationTable, name: string, first: boolean, target: number | undefined, spans: Float64Array | null, flips: Flips | null, upTo: number | null): DictAccess {
  const codes = new Uint8Array(table.size);
  if (target !== undefined && flips && table.size > 0) {
    const end = first ? table.firstResponseAt.values : table.closedAt.values;
    const created = table.createdAt.values;
    const waiting = flips.perRow;
    const limit = upTo ?? Number.NEGATIVE_INFINITY;
    for (let i = 0; i < codes.length; i++) {
      const b = end[i]!;
      if (b === b) codes[i] = (spans ? spans[i]! : b - created[i]!) <= target ? 1 : 2;
      else codes[i] = waiting[i]! <= limit ? 2 : 3;
    }
  }
  return { kind: 'dict', name, codes, values: SLA_VALUES };
}

function shareColumn(table: ConversationTable, inner: ColumnAccess, value: PropertyValue): NumberAccess {
  const values = new Float64Array(table.size);
  switch (inner.kind) {
    case 'dict': {
      const byCode = Float64Array.from(inner.values, (v) => (v === null ? Number.NaN : v === value ? 1 : 0));
      const codes = inner.codes;
      for (let i = 0; i < values.length; i++) values[i] = byCode[codes[i]!]!;
      break;
    }
    case 'number':
      for (let i = 0; i < values.length; i++) {
        const v = inner.minus ? inner.values[i]! - inner.minus[i]! : inner.values[i]!;
        values[i] = v !== v ? Number.NaN : v === value ? 1 : 0;
      }
      break;
    case 'text':
      for (let i = 0; i < values.length; i++) {
        const v = inner.at(i);
        values[i] = v === null ? Number.NaN : v === value ? 1 : 0;
      }
  }
  return { kind: 'number', name: inner.name, values, isDate: false, isDuration: false };
}

// ---------------------------------------------------------------------------------------------
// Resolving a spec's names.

/**
 * Whether computing `spec` in `context` counts time in business hours (lays out a BusinessClock):
 * a business span, or an SLA counted in business hours, with business hours given. Without them
 * such a spec fails before any clock (MissingBusinessHoursError).
 */
export function countsInBusinessHours(spec: ReportSpec, context: ReportContext): boolean {
  if (!context.businessHours) return false;
  const names = [spec.dimension, spec.breakdown, spec.measure.op === 'count' ? undefined : spec.measure.property, ...(spec.filters ?? []).map((f) => f.property)];
  return names.some(
    (name) =>
      name === 'responseTimeBusiness' ||
      name === 'timeToCloseBusiness' ||
      (Boolean(context.sla?.businessHours) && (name === 'firstResponseSla' || name === 'closeSla')),
  );
}

function needsHours(property: string, hours: BusinessHours | undefined): BusinessHours {
  if (!hours) throw new MissingBusinessHoursError(property);
  return hours;
}

/** Makes the column an internal name stands for (see `resolveName` for the names). */
function materialize(table: ConversationTable, name: string, columnOf: ColumnOf): ColumnAccess {
  if (name.startsWith(SHARE)) {
    const rest = name.slice(SHARE.length + 1);
    const at = rest.lastIndexOf(SEP);
    const inner = rest.slice(0, at);
    return shareColumn(table, columnOf(table, inner), JSON.parse(rest.slice(at + 1)) as PropertyValue);
  }
  const at = name.indexOf(SEP);
  const property = name.slice(0, at);
  const key = name.slice(at + 1);
  switch (property) {
    case 'createdWeekday':
    case 'createdHour': {
      // Both come out of one pass over the creation times.
      const { weekday, hour } = weekdayHourColumns(table, key);
      remember(table, `createdWeekday${SEP}${key}`, () => weekday);
      remember(table, `createdHour${SEP}${key}`, () => hour);
      return property === 'createdWeekday' ? weekday : hour;
    }
    case 'responseTimeBusiness':
    case 'timeToCloseBusiness': {
      const { response, close } = businessSpanColumns(table, JSON.parse(key) as BusinessHours);
      remember(table, `responseTimeBusiness${SEP}${key}`, () => response);
      remember(table, `timeToCloseBusiness${SEP}${key}`, () => close);
      return property === 'responseTimeBusiness' ? response : close;
    }
    case 'firstResponseSla':
    case 'closeSla': {
      const first = property === 'firstResponseSla';
      if (key === 'none') return slaColumn(table, property, first, undefined, null, null, null);
      const { target, upTo, hours } = JSON.parse(key) as { target: number; upTo: number | null; hours: BusinessHours | null };
      const spans = hours
        ? (columnOf(table, `${first ? 'responseTimeBusiness' : 'timeToCloseBusiness'}${SEP}${JSON.stringify(hours)}`) as NumberAccess).values
        : null;
      // The layout must reach the last breach instant the name counts.
      return slaColumn(table, property, first, target, spans, slaFlips(table, first, target, hours, upTo), upTo);
    }
  }
  throw new Error(`Internal: no derived column "${publicName(name)}".`);
}

/** The internal name of `property` in `derived`: the property and what its values depend on. */
function resolveName(table: ConversationTable, property: string, derived: DerivedContext): string {
  if (!isContextProperty(property)) return property;
  const { timeZone, businessHours, sla, now } = derived;
  switch (property) {
    case 'createdWeekday':
    case 'createdHour':
      return `${property}${SEP}${timeZone}`;
    case 'responseTimeBusiness':
    case 'timeToCloseBusiness':
      return `${property}${SEP}${JSON.stringify(needsHours(property, businessHours))}`;
    case 'firstResponseSla':
    case 'closeSla': {
      const target = property === 'firstResponseSla' ? sla?.firstResponseMs : sla?.closeMs;
      if (target === undefined) return `${property}${SEP}none`;
      const hours = sla?.businessHours ? needsHours(`${property}" with "sla.businessHours`, businessHours) : null;
      // Named by the last breach before now, not by now: every now up to the next breach gives this column.
      const upTo = breachedUpTo(slaFlips(table, property === 'firstResponseSla', target, hours, now), now);
      return `${property}${SEP}${JSON.stringify({ target, upTo, hours })}`;
    }
  }
}

const TEXT_DERIVED = new Set(['teamId', 'firstResponseSla', 'closeSla']);

/**
 * The spec as the engine computes it in `context`: context-dependent properties renamed to their
 * materialized columns, a `share` measure turned into the average of a 1/0 column. Names that are
 * not derived stay as they are (unknown ones fail later with their own name).
 */
export function resolveSpec(table: ConversationTable, spec: ReportSpec, derived: DerivedContext): ReportSpec {
  const { measure } = spec;
  // Internal names are made here only: a spec that writes one (from a URL, a stored dashboard) names no property.
  for (const name of [spec.dimension, spec.breakdown, measure.op === 'count' ? undefined : measure.property, ...(spec.filters ?? []).map((f) => f.property)])
    if (name !== undefined && (name.includes(SEP) || name.startsWith(SHARE))) throw new UnknownPropertyError(name);
  if (measure.op !== 'count' && measure.op !== 'share' && TEXT_DERIVED.has(measure.property))
    throw new InvalidMeasureError(`"${measure.op}" needs a numeric property; "${measure.property}" is not numeric.`);
  const touches = (name: string | undefined) => name !== undefined && isContextProperty(name);
  if (
    measure.op !== 'share' &&
    !touches(spec.dimension) &&
    !touches(spec.breakdown) &&
    !touches(measure.op === 'count' ? undefined : measure.property) &&
    !(spec.filters ?? []).some((filter) => touches(filter.property))
  )
    return spec;
  const resolved: ReportSpec = {
    ...spec,
    filters: (spec.filters ?? []).map((filter: Filter) => (touches(filter.property) ? { ...filter, property: resolveName(table, filter.property, derived) } : filter)),
  };
  if (spec.dimension !== undefined) resolved.dimension = resolveName(table, spec.dimension, derived);
  if (spec.breakdown !== undefined) resolved.breakdown = resolveName(table, spec.breakdown, derived);
  if (measure.op === 'share')
    resolved.measure = { op: 'avg', property: `${SHARE}${SEP}${resolveName(table, measure.property, derived)}${SEP}${JSON.stringify(measure.value)}` };
  else if (measure.op !== 'count') resolved.measure = { op: measure.op, property: resolveName(table, measure.property, derived) };
  return resolved;
}
