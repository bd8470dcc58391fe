// The dashboard the store tests save and read back: the owner's (test/harness/users.ts), shared
// with the support team.
import type { DashboardInput } from '../../src/core/schema/dashboard.ts';
import { owner } from './users.ts';

/** Dashboard `id`, named after it, holding `reports`; `extra` replaces any field. */
export function teamDashboard(id: string, reports: DashboardInput['reports'], extra: Partial<DashboardInput> = {}): DashboardInput {
  return { id, name: `Dashboard ${id}`, ownerId: owner.id, privacy: 'team', teamId: 'support', reports, ...extra };
}
