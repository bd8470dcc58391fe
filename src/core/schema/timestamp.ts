import * as z from 'zod/mini';

/**
 * An instant as epoch milliseconds. Adapters may hand us ISO 8601 strings; they must carry a zone
 * (`Z` or `±hh:mm`) because a local time without one names no single instant.
 */
export const timestampSchema = z.pipe(
  z.union([
    z.number().check(z.refine(Number.isFinite, { error: 'must be a finite number of epoch milliseconds' })),
    z.iso.datetime({ offset: true, error: 'must be epoch milliseconds or an ISO 8601 date-time with a zone (Z or ±hh:mm)' }),
  ]),
  z.transform((value: number | string) => (typeof value === 'number' ? value : Date.parse(value))),
);

export const nullableTimestampSchema = z._default(z.nullable(timestampSchema), null);
