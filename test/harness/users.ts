// The people of the dashboard-sharing tests. In the support team: Olivia, who owns the dashboards,
// Tom, her teammate, and Vera, who may only look. Oscar is in a team of his own.
import type { DashboardUser } from '../../src/core/schema/dashboard.ts';

export const owner: DashboardUser = { id: 'olivia', teamIds: ['support'], canEdit: true };
export const teammate: DashboardUser = { id: 'tom', teamIds: ['support'], canEdit: true };
export const viewer: DashboardUser = { id: 'vera', teamIds: ['support'], canEdit: false };
export const outsider: DashboardUser = { id: 'oscar', teamIds: ['sales'], canEdit: true };

/** Where a dashboard may be shared with either of the owner's two teams (support, sales), and Oscar is in billing. */
export const ownerOfTwoTeams: DashboardUser = { ...owner, teamIds: ['support', 'sales'] };
export const outsiderOfBoth: DashboardUser = { ...outsider, teamIds: ['billing'] };
