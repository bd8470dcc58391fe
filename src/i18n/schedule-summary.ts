import type { Schedule } from '../core/schema/business-hours.ts';
import { weekdayName } from './week.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function time(value: string, locale: string): string {
  const [hours, minutes] = value.split(':').map(Number) as [number, number];
  try {
    const twelve = new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' }).resolvedOptions().hour12 === true;
    // The end of the day: "24:00" on a 24-hour clock, midnight on a 12-hour one.
    if (value === '24:00' && !twelve) return '24:00';
    // Minutes past midnight of a UTC day, written as the locale writes a time ("9:00 AM", "09:00").
    return new Intl.DateTimeFormat(locale, { hour: twelve ? 'numeric' : '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1, hours, minutes));
  } catch {
    return value;
  }
}

/**
 * A schedule in a few words: "Mon–Fri 9:00 AM–5:00 PM, Sat 10:00 AM–2:00 PM Europe/Amsterdam".
 * Consecutive days (Monday first) with the same hours are one range; closed days are left out.
 */
export function describeSchedule(schedule: Schedule, locale: string): string {
  const hoursOf = (day: (typeof DAYS)[number]) =>
    (schedule.week[day] ?? []).map(([start, end]) => `${time(start, locale)}–${time(end, locale)}`).join(', ');
  const groups: { first: number; last: number; hours: string }[] = [];
  DAYS.forEach((day, index) => {
    const hours = hoursOf(day);
    if (!hours) return;
    const previous = groups[groups.length - 1];
    if (previous && previous.last === index - 1 && previous.hours === hours) previous.last = index;
    else groups.push({ first: index, last: index, hours });
  });
  const name = (index: number) => weekdayName(index + 1, locale, 'short');
  const parts = groups.map((group) =>
    `${group.first === group.last ? name(group.first) : `${name(group.first)}–${name(group.last)}`} ${group.hours}`,
  );
  return `${parts.join(', ')} ${schedule.timeZone}`.trim();
}
