import type { Dashboard, DashboardInput, DashboardUser } from '../core/schema/dashboard.ts';
import { ChangeListeners } from './change-listeners.ts';
import type { DashboardDraft, DashboardStore } from './dashboard-store.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { canSee } from './permission-checks.ts';
import { assertCanDelete, assertCanRead, assertCanSave, withOwner } from './permissions.ts';
import { validateUser } from './validate-user.ts';
import { validateDashboard } from './validate-dashboard.ts';

/**
 * Keeps dashboards in this page's memory: for tests, demos and hosts that persist elsewhere.
 * A save replaces the stored version whatever was read before: there is one copy and no other
 * writer to conflict with.
 */
export class MemoryDashboardStore implements DashboardStore {
  readonly #dashboards = new Map<string, Dashboard>();
  readonly #listeners = new ChangeListeners();

  /** @throws ValidationError when an initial dashboard is invalid or two share an id */
  constructor(initial: readonly DashboardInput[] = []) {
    for (const input of initial) {
      const dashboard = validateDashboard(input);
      if (this.#dashboards.has(dashboard.id))
        throw new ValidationError(dashboard.id, [{ field: 'id', message: 'is used by two initial dashboards' }]);
      this.#dashboards.set(dashboard.id, dashboard);
    }
  }

  async list(given: DashboardUser): Promise<Dashboard[]> {
    const user = validateUser(given);
    return [...this.#dashboards.values()].filter((d) => canSee(d, user)).map((d) => structuredClone(d));
  }

  async get(id: string, given: DashboardUser): Promise<Dashboard> {
    const user = validateUser(given);
    const stored = this.#dashboards.get(id);
    if (stored === undefined) throw new NotFoundError(id);
    assertCanRead(stored, user);
    return structuredClone(stored);
  }

  async save(draft: DashboardDraft, given: DashboardUser): Promise<Dashboard> {
    const user = validateUser(given);
    const stored = typeof draft.id === 'string' ? this.#dashboards.get(draft.id) : undefined;
    const next = validateDashboard(withOwner(draft, stored, user));
    assertCanSave(stored, next, user);
    this.#dashboards.set(next.id, next);
    this.#listeners.notify();
    return structuredClone(next);
  }

  async delete(id: string, given: DashboardUser): Promise<void> {
    const user = validateUser(given);
    const stored = this.#dashboards.get(id);
    if (stored === undefined) throw new NotFoundError(id);
    assertCanDelete(stored, user);
    this.#dashboards.delete(id);
    this.#listeners.notify();
  }

  subscribe(listener: () => void): () => void {
    return this.#listeners.add(listener);
  }
}
