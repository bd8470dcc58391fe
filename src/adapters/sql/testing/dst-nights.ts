/**
 * Test support: the DST changes of 2026 in zones chosen for their odd rules, as contexts around each
 * change, and conversations packed across those nights. America/New_York and Europe/Amsterdam
 * repeat an hour; America/Santiago and America/Havana change at local midnight; Australia/Lord_Howe
 * shifts by half an hour.
 */
import type { Conversation } from '../../../core/schema/conversation.ts';
import type { NamedContext } from '../../../../test/node/oracle/scenarios.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DST_ZONES = ['America/New_York', 'Europe/Amsterdam', 'America/Santiago', 'America/Havana', 'Australia/Lord_Howe'] as const;

/** Offset from UTC in minutes at an instant, from the platform's zone data. */
function offsetMinutes(instant: number, timeZone: string): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(part);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

export interface DstChange {
  timeZone: string;
  at: number;
  /** The clocks go back: a wall-clock stretch happens twice. */
  fallBack: boolean;
}

/** Every change of 2026 in the zones, found by scanning (to the quarter hour). */
export function dstChanges(zones: readonly string[] = DST_ZONES): DstChange[] {
  const changes: DstChange[] = [];
  const start = Date.UTC(2026, 0, 1);
  const end = Date.UTC(2027, 0, 1);
  for (const timeZone of zones) {
    let before = offsetMinutes(start, timeZone);
    for (let t = start + HOUR; t < end; t += HOUR) {
      const now = offsetMinutes(t, timeZone);
      if (now === before) continue;
      let at = t - HOUR;
      while (offsetMinutes(at, timeZone) === before) at += 15 * MINUTE;
      changes.push({ timeZone, at, fallBack: now < before });
      before = now;
    }
  }
  return changes;
}

/** A short context across each change: the night's hours, a misaligned start, the previous period. */
export function dstContexts(changes = dstChanges()): NamedContext[] {
  return changes.map((change) => ({
    name: `${change.timeZone.toLowerCase().replace('/', '-')}-${change.fallBack ? 'fall-back' : 'spring-forward'}-night`,
    timeZone: change.timeZone,
    range: { from: change.at - 5 * HOUR - 13 * MINUTE, to: change.at + 6 * HOUR },
    short: true,
    dateOnly: true,
    compare: 'previous-period',
  }));
}

/** Conversations every few minutes across each night, with responses and closes that cross the change too. */
export function dstNightConversations(changes = dstChanges()): Conversation[] {
  const out: Conversation[] = [];
  let n = 0;
  for (const change of changes)
    for (let t = change.at - 12 * HOUR; t < change.at + 12 * HOUR; t += 7 * MINUTE + 13_000) {
      n++;
      const responded = n % 5 !== 0;
      const closed = n % 3 !== 0;
      out.push({
        id: `dst-${String(n).padStart(5, '0')}`,
        channel: n % 2 === 0 ? 'chat' : 'email',
        status: closed ? 'closed' : 'open',
        inboxId: ['inbox-sales', 'inbox-support', 'inbox-billing'][n % 3]!,
        assigneeId: n % 7 === 0 ? null : `agent-0${(n % 4) + 1}`,
        createdAt: t,
        firstResponseAt: responded ? t + ((n * 97) % 180) * MINUTE : null,
        closedAt: closed ? t + ((n * 131) % 600) * MINUTE : null,
        chatflowId: n % 2 === 0 ? 'flow-welcome' : null,
        pageUrl: n % 2 === 0 ? 'https://shop.example.com/pricing' : null,
        ticketId: n % 4 === 0 ? `T-${n}` : null,
        subject: `Night ${n}`,
        contactName: `Visitor ${n}`,
        contactEmail: `visitor${n}@example.com`,
        properties: {},
      });
    }
  return out;
}
