import * as z from 'zod/mini';
import { businessHoursSchema, slaSchema } from './business-hours.ts';
import { timeZoneSchema } from './time-zone.ts';

const instant = z.number().check(
  z.refine((value) => Number.isFinite(value) && Math.abs(value) <= 8.64e15, { error: 'must be epoch milliseconds' }),
);

/**
 * The context of a computation as data (what the Worker and the server receive): the range, the
 * zone of date buckets and weekday/hour, and (v2) the business hours and SLA targets.
 */
export const reportContextSchema = z
  .object({
    range: z.object({ from: instant, to: instant }).check(z.refine((range) => range.to >= range.from, { error: 'must not end before it starts' })),
    timeZone: timeZoneSchema,
    compare: z.optional(z.literal('previous-period')),
    businessHours: z.optional(businessHoursSchema),
    sla: z.optional(slaSchema),
  })
  .check(
    z.refine((context) => !context.sla?.businessHours || context.businessHours !== undefined, {
      error: 'sla.businessHours needs context.businessHours (the schedule to count in)',
      path: ['sla', 'businessHours'],
    }),
  );

export type ReportContextInput = z.input<typeof reportContextSchema>;
