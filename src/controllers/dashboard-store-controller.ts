import { Task } from '@lit/task';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { Dashboard, DashboardUser } from '../core/schema/dashboard.ts';
import { defaultDashboards } from '../elements/conversation-dashboard/default-dashboards.ts';
import type { DashboardStore } from '../store/dashboard-store.ts';
import { canSeeOutsideStore } from '../store/permission-checks.ts';

export interface DashboardStoreOptions {
  store(): DashboardStore | null;
  user(): DashboardUser | null;
  /** The dashboards on screen. */
  dashboards(): Dashboard[];
  /** Shows a new list (the store's, merged with the config's and the templates). */
  show(dashboards: Dashboard[]): void;
  /** The store answered (`null`) or failed: the host shows it and tells its own host. */
  stored(error: unknown): void;
}

/** What a saved change gave: the version stored, and whether it is the user's new copy of a template. */
export interface Saved {
  saved: Dashboard;
  /** The dashboard the change was made to (a template when `copied`). */
  changed: Dashboard;
  copied: boolean;
}

/** Told by name, not `instanceof`: a store from another bundle of the kit throws its own class. */
function isConflict(error: unknown): error is Error & { remote?: Dashboard } {
  return error instanceof Error && error.name === 'ConflictError';
}

/** The stored version a ConflictError carries, when the user may see it. */
function conflictRemote(error: unknown): Dashboard | undefined {
  return isConflict(error) ? error.remote : undefined;
}

/**
 * The dashboards of a `<conversation-dashboard>`: the store's list for the user (listed again when
 * the store says it changed), merged with the dashboards of a restored or markup config and the
 * templates not copied yet; and saving a change, rebased on the other side's version when the store
 * reports a conflict. Listing is a `Task`: a newer list drops an older one's late answer.
 */
export class DashboardStoreController implements ReactiveController {
  /** Dashboards of the restored (or markup) config, shown beside the store's. */
  configDashboards: Dashboard[] = [];
  /** Whether the built-in templates are offered (a config may say `templates: false`). */
  templates = true;

  readonly #host: ReactiveElement;
  readonly #options: DashboardStoreOptions;
  /** The store's last list for this user. */
  #stored: Dashboard[] = [];
  #unsubscribe: (() => void) | undefined;
  readonly #list: Task<[DashboardStore | null, DashboardUser | null], Dashboard[] | null>;

  constructor(host: ReactiveElement, options: DashboardStoreOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#list = new Task(host, {
      autoRun: false,
      // Without a store the list was shown at once; this run only drops an older one still out.
      task: ([store, user]) => (store && user ? store.list(user) : Promise.resolve(null)),
      onComplete: (list) => {
        if (list === null) return;
        this.#stored = list;
        options.show(this.merged());
        options.stored(null);
      },
      onError: (error) => options.stored(error),
    });
  }

  hostConnected(): void {
    this.subscribe();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** Follows the current store's changes (call when the store changed). */
  subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#host.isConnected ? this.#options.store()?.subscribe?.(() => this.list()) : undefined;
  }

  /** Lists the store's dashboards for the user again; without a store (or user), only the config's and the templates. */
  list(): void {
    const store = this.#options.store();
    const user = this.#options.user();
    if (!store || !user) {
      this.#stored = [];
      this.#options.show(this.merged());
    }
    void this.#list.run([store, user]);
  }

  /** The store's dashboards, then the config's (those the store does not hold), then the templates not copied yet. */
  merged(): Dashboard[] {
    const stored = this.#stored;
    const ids = new Set(stored.map((d) => d.id));
    // A restored or markup dashboard is shown only to whom the store's rules would show it.
    const user = this.#options.user();
    const fromConfig = this.configDashboards.filter((d) => !ids.has(d.id) && canSeeOutsideStore(d, user)).map((d) => structuredClone(d));
    for (const d of fromConfig) ids.add(d.id);
    // Template dashboards stay on offer until the user has a saved copy of them.
    const copied = new Set([...stored, ...fromConfig].map((d) => d.layout.template).filter(Boolean));
    const templates = this.templates ? defaultDashboards().filter((d) => !copied.has(d.id) && !ids.has(d.id)) : [];
    return [...stored, ...fromConfig, ...templates];
  }

  /**
   * Applies `change` to `current`, saves the result through the store (when there is one) and
   * shows it. A template belongs to nobody: changing it saves the user's own private copy. When
   * someone else saved the dashboard in between (another tab, another user), the store refuses
   * with a ConflictError carrying their version: the change is applied to that version instead, so
   * both are kept. A change that no longer applies (`change` gives null: the other side edited the
   * same report) is not saved; their version is shown, with the error, so the next change builds
   * on it rather than on a stale copy. Null when nothing was saved.
   */
  async persist(current: Dashboard | undefined, change: (dashboard: Dashboard) => Dashboard | null): Promise<Saved | null> {
    const next = current && change(current);
    if (!next) return null;
    const user = this.#options.user();
    const draft: Dashboard =
      next.ownerId === '' && user
        ? { ...next, id: `${next.id}-${crypto.randomUUID().slice(0, 8)}`, ownerId: user.id, privacy: 'private', layout: { ...next.layout, template: next.id } }
        : next;
    const store = this.#options.store();
    try {
      let saved: Dashboard;
      try {
        saved = store && user ? await store.save(draft, user) : draft;
      } catch (error) {
        const rebased = conflictRemote(error) && change(conflictRemote(error)!);
        if (!rebased || !store || !user) throw error;
        saved = await store.save(rebased, user);
      }
      this.#options.show(this.#options.dashboards().map((d) => (d.id === next.id ? saved : d)));
      this.#options.stored(null);
      return { saved, changed: next, copied: draft.id !== next.id };
    } catch (error) {
      const remote = conflictRemote(error);
      if (remote) this.#options.show(this.#options.dashboards().map((d) => (d.id === remote.id ? remote : d)));
      else if (isConflict(error)) this.list();
      this.#options.stored(error);
      return null;
    }
  }

  /** Saves `dashboard` as it is (a copy of a report into another dashboard the user may edit) and shows it. */
  async save(dashboard: Dashboard): Promise<Dashboard | null> {
    const store = this.#options.store();
    const user = this.#options.user();
    if (!store || !user) return null;
    try {
      const saved = await store.save(dashboard, user);
      this.#options.show(this.#options.dashboards().map((d) => (d.id === saved.id ? saved : d)));
      this.#options.stored(null);
      return saved;
    } catch (error) {
      this.#options.stored(error);
      return null;
    }
  }
}
