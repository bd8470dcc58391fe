import * as z from 'zod/mini';

/** Longest search text a drill accepts (a page search box, not a document). */
export const MAX_DRILL_SEARCH = 200;

/**
 * (v2) Which page of the conversations behind a row: `offset` (default 0), `limit` (default 50,
 * `Infinity` for all), `sort` (any conversation field or derived property; default createdAt asc,
 * ties always by id asc; nulls last in both directions) and `search` (a case-insensitive substring of
 * subject, contact name, contact email or id).
 */
export const drillPageRequestSchema = z.strictObject({
  offset: z.optional(z.number().check(z.refine((n) => Number.isSafeInteger(n) && n >= 0, { error: 'must be a whole number ≥ 0' }))),
  // z.number() refuses Infinity, which is a valid limit (all rows).
  limit: z.optional(z.custom<number>((n) => n === Infinity || (Number.isSafeInteger(n) && (n as number) >= 0), { error: 'must be a whole number ≥ 0 or Infinity' })),
  sort: z.optional(
    z.strictObject({
      by: z.string().check(z.minLength(1), z.maxLength(200)),
      direction: z.enum(['asc', 'desc']),
    }),
  ),
  search: z.optional(z.string().check(z.maxLength(MAX_DRILL_SEARCH))),
});

export type DrillPageRequest = z.infer<typeof drillPageRequestSchema>;
export type DrillSort = NonNullable<DrillPageRequest['sort']>;
