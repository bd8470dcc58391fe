import * as z from 'zod/mini';
import { timeZoneSchema } from './time-zone.ts';

export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

/** Minutes after local midnight of an 'HH:MM' time ('24:00' is the end of the day), or NaN. */
export function minutesOfDay(time: string): number {
  const match = /^(\d\d):(\d\d)$/.exec(time);
  if (!match) return Number.NaN;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return Number.NaN;
  return hours * 60 + minutes;
}

const timeOfDay = z.string().check(
  z.refine((value) => !Number.isNaN(minutesOfDay(value)), { error: 'must be a local time "HH:MM" from "00:00" to "24:00"' }),
);

/** One open interval of a day, local `[start, end)`; an interval across midnight is two (`22:00–24:00`, `00:00–06:00`). */
const intervalSchema = z.tuple([timeOfDay, timeOfDay]).check(
  z.refine(([start, end]) => !(minutesOfDay(start) >= minutesOfDay(end)), {
    error: 'must end after it starts (["09:00", "17:00"]; across midnight, split it: ["22:00", "24:00"] and ["00:00", "06:00"])',
  }),
);

/** A real calendar date 'YYYY-MM-DD'. */
export const isoDateSchema = z.string().check(
  z.refine(
    (value) => {
      const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
      if (!match) return false;
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(year, month - 1, day));
      return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    },
    { error: 'must be a date "YYYY-MM-DD"' },
  ),
);

const weekSchema = z.object({
  mon: z.optional(z.array(intervalSchema)),
  tue: z.optional(z.array(intervalSchema)),
  wed: z.optional(z.array(intervalSchema)),
  thu: z.optional(z.array(intervalSchema)),
  fri: z.optional(z.array(intervalSchema)),
  sat: z.optional(z.array(intervalSchema)),
  sun: z.optional(z.array(intervalSchema)),
});

/** One schedule: local open intervals per weekday in `timeZone`, holidays closed all day. */
export const scheduleSchema = z.object({
  timeZone: timeZoneSchema,
  week: weekSchema,
  holidays: z.optional(z.array(isoDateSchema)),
});

/**
 * (DESIGN v2) `context.businessHours`: the top schedule, and per-inbox schedules that replace it
 * for their inbox's conversations.
 */
export const businessHoursSchema = z.extend(scheduleSchema, {
  byInbox: z.optional(z.record(z.string(), scheduleSchema)),
});

export type Schedule = z.output<typeof scheduleSchema>;
export type BusinessHours = z.output<typeof businessHoursSchema>;

const nonNegativeMs = z.number().check(
  z.refine((value) => Number.isFinite(value) && value >= 0, { error: 'must be a number of milliseconds ≥ 0' }),
);

/** (DESIGN v2) `context.sla`: targets for the first response and for closing. */
export const slaSchema = z.object({
  firstResponseMs: z.optional(nonNegativeMs),
  closeMs: z.optional(nonNegativeMs),
  /** Count the spans in business hours (needs `context.businessHours`). */
  businessHours: z.optional(z.boolean()),
  /** The instant "still no response" is judged at; the time of computing when absent. */
  now: z.optional(
    z.number().check(z.refine((value) => Number.isFinite(value) && Math.abs(value) <= 8.64e15, { error: 'must be epoch milliseconds' })),
  ),
});

export type Sla = z.output<typeof slaSchema>;
