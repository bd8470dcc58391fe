import * as z from 'zod/mini';
import { businessHoursSchema, slaSchema } from './business-hours.ts';
import { filterSchema, reportSpecSchema } from './report-spec.ts';

export const privacyLevels = ['private', 'team', 'everyone'] as const;
export type Privacy = (typeof privacyLevels)[number];

/**
 * Layout is open-ended on purpose: hosts may keep their own keys in it. The kit reads
 * `wide` (report ids drawn two columns wide) and (v2) `sizes`; the order of tiles is the order of `reports`.
 */
export const layoutSchema = z.looseObject({
  wide: z.optional(z.array(z.string())),
  /** (v2) A tile's width by report id: a third, half, two thirds or all of a row (over `wide`). */
  sizes: z.optional(z.record(z.string(), z.enum(['third', 'half', 'two-thirds', 'full']))),
});

/**
 * `.` and `..` are path segments, not names: in a URL (`/dashboards/..`) they address the collection
 * or the API root, and `%2E` is read as a dot too, so no encoding makes them safe.
 */
export const dashboardIdSchema = z.string().check(
  z.minLength(1),
  z.refine((id: string) => id !== '.' && id !== '..', { error: 'must not be "." or ".." (they are path segments, not names)' }),
);

export const dashboardSchema = z.object({
  id: dashboardIdSchema,
  name: z.string(),
  ownerId: z.string().check(z.minLength(1)),
  privacy: z.enum(privacyLevels),
  teamId: z.optional(z.string()),
  reports: z.array(reportSpecSchema),
  layout: z._default(layoutSchema, {}),
  /**
   * (v2) The opening hours and SLA targets this dashboard's reports count with; where absent, the
   * host's (`<conversation-dashboard>`'s `businessHours` / `sla`) apply.
   */
  businessHours: z.optional(businessHoursSchema),
  sla: z.optional(slaSchema),
  /** (v2) Dashboard-level filters, ANDed into every report (set from the dashboard's filter bar). */
  filters: z.optional(z.array(filterSchema)),
});

export type Dashboard = z.output<typeof dashboardSchema>;
export type DashboardInput = z.input<typeof dashboardSchema>;

/** Who is asking: the store decides what they may see and change. */
export interface DashboardUser {
  id: string;
  teamIds: readonly string[];
  canEdit: boolean;
}

/**
 * The user as checked at run time: hosts build it from a session or a JSON attribute, and a
 * `teamIds: 'support,finance'` string would match team ids as substrings, a `canEdit: 'false'`
 * string would be truthy.
 */
export const dashboardUserSchema = z.object({
  id: z.string().check(z.minLength(1, { error: 'must be a non-empty string' })),
  teamIds: z.array(z.string(), { error: 'must be a list of team ids (strings), such as ["support"]' }),
  canEdit: z.boolean({ error: 'must be true or false (a boolean, not text)' }),
});
