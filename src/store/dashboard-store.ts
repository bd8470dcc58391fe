import type { Dashboard, DashboardInput, DashboardUser } from '../core/schema/dashboard.ts';

/**
 * What `save` accepts: a Dashboard, or a draft whose defaults (layout, report filters…) are not
 * filled in yet. `ownerId` may be left out: a new dashboard then belongs to the saving user and an
 * existing one keeps its owner.
 */
export type DashboardDraft = Omit<DashboardInput, 'ownerId'> & { ownerId?: string };

/**
 * Where dashboards live. Every call is made for a user, and every implementation enforces the
 * rules in `permissions.ts` itself, so a host that forgets to hide a button still cannot leak or
 * overwrite a dashboard. Dashboards handed out are copies.
 */
export interface DashboardStore {
  /** Only the dashboards the user may see. */
  list(user: DashboardUser): Promise<Dashboard[]>;
  /** @throws NotFoundError | ForbiddenError */
  get(id: string, user: DashboardUser): Promise<Dashboard>;
  /**
   * Creates or updates; resolves with what was stored.
   * @throws ValidationError | ForbiddenError | ConflictError
   */
  save(dashboard: DashboardDraft, user: DashboardUser): Promise<Dashboard>;
  /** @throws NotFoundError | ForbiddenError | ConflictError */
  delete(id: string, user: DashboardUser): Promise<void>;
  /**
   * Calls `listener` after the stored dashboards changed (a save here, or in another tab).
   * Returns the unsubscribe function. Optional: a store that cannot tell leaves it out.
   */
  subscribe?(listener: () => void): () => void;
}

/** A stored dashboard that could not be read and was skipped; `key` says where it is (storage key, id). */
export interface StoreProblem {
  key: string;
  message: string;
}
