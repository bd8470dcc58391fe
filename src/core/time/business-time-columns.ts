import type { BusinessHours, Schedule } from '../schema/business-hours.ts';
import type { ConversationTable } from '../table/table.ts';
import { extent } from '../table/value-extent.ts';
import { BusinessClock, scheduleFor } from './business-time.ts';

const DAY = 86_400_000;

/** The instants a table's spans touch: earliest creation to latest response or close. */
const extents = new WeakMap<ConversationTable, [number, number]>();

function dataExtent(table: ConversationTable): [number, number] {
  let known = extents.get(table);
  if (!known) {
    let [from, to] = extent(table.createdAt.values);
    for (const values of [table.firstResponseAt.values, table.closedAt.values]) {
      const [, max] = extent(values);
      if (max > to) to = max;
    }
    extents.set(table, (known = [from, to]));
  }
  return known;
}

/** Laid-out schedules per business hours (JSON), reused while they cover the instants asked for. */
export type ClockLayouts = Map<string, { from: number; to: number; clockOf: BusinessClock[] }>;

/** Laid out this far past the latest instant needed, so that a later `now` still fits. */
const CLOCK_MARGIN = 31 * DAY;

/**
 * One clock per schedule used (the top one and each inbox's), per inbox code of `table`, covering
 * the data and `now`: from `layouts` when one there does, else laid out anew (over the cached
 * stretch too) and kept there.
 */
export function clocksCovering(layouts: ClockLayouts, hours: BusinessHours, table: ConversationTable, now: number | null): BusinessClock[] {
  let [from, to] = dataExtent(table);
  if (now !== null && Number.isFinite(now)) {
    from = Math.min(from, now);
    to = Math.max(to, now);
  }
  const key = JSON.stringify(hours);
  const cached = layouts.get(key);
  if (cached && cached.from <= from && cached.to >= to) return cached.clockOf;
  if (cached) {
    from = Math.min(from, cached.from);
    to = Math.max(to, cached.to);
  }
  to += CLOCK_MARGIN;
  const clocks = new Map<Schedule, BusinessClock>();
  const clockOf = table.inboxId.values.map((inbox) => {
    const schedule = scheduleFor(hours, inbox === null ? null : String(inbox));
    let clock = clocks.get(schedule);
    if (!clock) clocks.set(schedule, (clock = new BusinessClock(schedule, from, to)));
    return clock;
  });
  if (layouts.size >= 8) layouts.delete(layouts.keys().next().value!);
  layouts.set(key, { from, to, clockOf });
  return clockOf;
}

/**
 * Both business spans (first response, close) of every conversation in one pass, with the clock
 * of its inbox (`clockOf[inbox code]`): each row's start is found once (from where the previous row's
 * was, rows being in creation order) and serves its response and its close. NaN where the end is
 * missing, 0 where it is not after the start.
 */
export function businessSpans(table: ConversationTable, clockOf: readonly BusinessClock[]): { response: Float64Array; close: Float64Array } {
  const response = new Float64Array(table.size);
  const close = new Float64Array(table.size);
  const created = table.createdAt.values;
  const responded = table.firstResponseAt.values;
  const closed = table.closedAt.values;
  const inbox = table.inboxId.codes;
  const hints = new Int32Array(clockOf.length);
  for (let i = 0; i < response.length; i++) {
    const r = responded[i]!;
    const c = closed[i]!;
    if (r !== r && c !== c) {
      response[i] = Number.NaN;
      close[i] = Number.NaN;
      continue;
    }
    const code = inbox[i]!;
    const clock = clockOf[code]!;
    const a = created[i]!;
    const ka = clock.indexOf(a, hints[code]!);
    hints[code] = ka;
    const before = clock.openAt(ka, a);
    response[i] = r !== r ? Number.NaN : r > a ? clock.openAt(clock.indexOf(r, ka), r) - before : 0;
    close[i] = c !== c ? Number.NaN : c > a ? clock.openAt(clock.indexOf(c, ka), c) - before : 0;
  }
  return { response, close };
}
