import * as z from 'zod/mini';
import { reportSpecSchema } from './report-spec.ts';

export const privacyLevels = ['private', 'team', 'everyone'] as const;
export type Privacy = (typeof privacyLevels)[number];

/**
 * Layout is open-ended on purpose: hosts may keep their own keys in it. The kit reads
 * `wide` (report ids drawn two columns wide); the order of tiles is the order of `reports`.
 */
export const layoutSchema = z.looseObject({
  wide: z.optional(z.array(z.string())),
});

export const dashboardSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  ownerId: z.string().check(z.minLength(1)),
  privacy: z.enum(privacyLevels),
  teamId: z.optional(z.string()),
  reports: z.array(reportSpecSchema),
  layout: z._default(layoutSchema, {}),
});

export type Dashboard = z.output<typeof dashboardSchema>;
export type DashboardInput = z.input<typeof dashboardSchema>;

/** Who is asking: the store decides what they may see and change. */
export interface DashboardUser {
  id: string;
  teamIds: readonly string[];
  canEdit: boolean;
}
