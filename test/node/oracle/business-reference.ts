/**
 * A second, deliberately plain reading of DESIGN v2's derived properties, written apart from the
 * engine (src/core/time/business-time.ts, derived-columns.ts) to check it: it asks Intl for the local
 * wall-clock time of the instant it stands on, decides open or closed from the schedule as a
 * person would, and walks forward to the next moment where that can change (an interval edge,
 * midnight, or a change of UTC offset found by bisection). No precomputed layout, no cumulative
 * sums, no binary search over intervals.
 */
import type { BusinessHours, Conversation, Lookups, ReportContext } from '../../../src/core/index.ts';

type Schedule = Omit<BusinessHours, 'byInbox'>;

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const formats = new Map<string, Intl.DateTimeFormat>();

interface Wall {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 0 = Monday */
  weekday: number;
  hour: number;
  /** ms since local midnight */
  msOfDay: number;
  /** wall-clock minus instant */
  offset: number;
}

export function wallOf(t: number, timeZone: string): Wall {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const p: Record<string, string> = {};
  for (const part of format.formatToParts(t)) p[part.type] = part.value;
  const ms = ((t % 1000) + 1000) % 1000;
  const msOfDay = ((Number(p.hour) * 60 + Number(p.minute)) * 60 + Number(p.second)) * 1000 + ms;
  const midnightAsUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: WEEKDAYS.indexOf(p.weekday!),
    hour: Number(p.hour),
    msOfDay,
    offset: midnightAsUtc + msOfDay - t,
  };
}

function minutes(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h! * 60 + m!;
}

/** The first instant in (t, limit] whose offset differs from t's (limit when none does). */
function offsetChange(t: number, limit: number, timeZone: string): number {
  const offset = wallOf(t, timeZone).offset;
  if (wallOf(limit, timeZone).offset === offset) return limit;
  let lo = t;
  let hi = limit;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallOf(mid, timeZone).offset === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The open time of [a, b) under `schedule`, walked piece by piece. */
export function referenceOpenTime(schedule: Schedule, a: number, b: number): number {
  let total = 0;
  let t = a;
  const holidays = new Set(schedule.holidays ?? []);
  while (t < b) {
    const wall = wallOf(t, schedule.timeZone);
    const intervals = holidays.has(wall.date) ? [] : (schedule.week[KEYS[wall.weekday]!] ?? []);
    const edges = intervals.flatMap(([s, e]) => [minutes(s) * 60_000, minutes(e) * 60_000]);
    const open = intervals.some(([s, e]) => minutes(s) * 60_000 <= wall.msOfDay && wall.msOfDay < minutes(e) * 60_000);
    const nextEdge = Math.min(DAY_MS, ...edges.filter((edge) => edge > wall.msOfDay));
    let next = Math.min(b, t + (nextEdge - wall.msOfDay));
    next = offsetChange(t, next, schedule.timeZone);
    if (open) total += next - t;
    t = next;
  }
  return total;
}

function scheduleOf(hours: BusinessHours, inboxId: string): Schedule {
  const own = hours.byInbox && Object.prototype.hasOwnProperty.call(hours.byInbox, inboxId) ? hours.byInbox[inboxId] : undefined;
  return own ?? hours;
}

export type ReferenceValue = string | number | null;

/** Every v2 derived property of one conversation, from its definition. */
export function referenceDerived(c: Conversation, context: ReportContext, lookups: Lookups, now: number): Record<string, ReferenceValue> {
  const wall = wallOf(c.createdAt, context.timeZone);
  const out: Record<string, ReferenceValue> = {
    teamId: lookups.assignees.find((a) => a.id === c.assigneeId)?.teamId ?? null,
    createdWeekday: wall.weekday + 1,
    createdHour: wall.hour,
  };
  const hours = context.businessHours;
  const business = (end: number) => referenceOpenTime(scheduleOf(hours!, c.inboxId), c.createdAt, end);
  if (hours) {
    out.responseTimeBusiness = c.firstResponseAt === null ? null : business(c.firstResponseAt);
    out.timeToCloseBusiness = c.closedAt === null ? null : business(c.closedAt);
  }
  const sla = context.sla;
  const state = (end: number | null, target: number | undefined): ReferenceValue => {
    if (target === undefined) return null;
    const length = (to: number) => (sla?.businessHours ? business(to) : to - c.createdAt);
    if (end !== null) return length(end) <= target ? 'met' : 'breached';
    return length(now) > target ? 'breached' : 'pending';
  };
  out.firstResponseSla = state(c.firstResponseAt, sla?.firstResponseMs);
  out.closeSla = state(c.closedAt, sla?.closeMs);
  return out;
}
