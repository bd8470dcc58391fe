import * as z from 'zod/mini';
import type { Dashboard, DashboardUser } from '../core/schema/dashboard.ts';
import { ChangeListeners } from './change-listeners.ts';
import type { DashboardDraft, DashboardStore, StoreProblem } from './dashboard-store.ts';
import { ConflictError, NotFoundError, StoreError, ValidationError } from './errors.ts';
import { MemoryStorage, type StorageLike } from './memory-storage.ts';
import { canSee } from './permission-checks.ts';
import { assertCanDelete, assertCanRead, assertCanSave, withOwner } from './permissions.ts';
import { validateUser } from './validate-user.ts';
import { validateDashboard } from './validate-dashboard.ts';

export interface LocalStorageDashboardStoreOptions {
  /** Defaults to `localStorage`, looked up at each call; an in-memory storage where it is missing or blocked. */
  storage?: StorageLike;
  /** Prefix of every key this store writes. Default `'conversation-reports'`. */
  key?: string;
  /** Told once about each unreadable entry (and about a missing `localStorage`). */
  onProblem?: (problem: StoreProblem) => void;
  /** Where `storage` events arrive. Default: `globalThis` when it is an EventTarget (a browser window). */
  events?: EventTarget;
}

const envelopeVersion = 1;
const envelopeSchema = z.object({ version: z.number(), dashboard: z.unknown() });

type Entry =
  | { state: 'missing' }
  | { state: 'bad'; message: string }
  | { state: 'ok'; raw: string; dashboard: Dashboard };

interface Seen {
  raw: string;
  dashboard: Dashboard;
}

/**
 * The default store: dashboards in the browser's `localStorage`, one entry per dashboard under
 * `<key>:dashboard:<id>` holding `{ version: 1, dashboard }`. One entry each means two tabs
 * editing different dashboards never overwrite each other; a save over a version this store did
 * not last read (another tab saved in between) is a ConflictError, not a silent overwrite.
 * An unreadable entry is reported and skipped, never deleted or overwritten.
 */
export class LocalStorageDashboardStore implements DashboardStore {
  readonly #key: string;
  readonly #prefix: string;
  readonly #storage: StorageLike | undefined;
  readonly #events: EventTarget | undefined;
  readonly #onProblem: ((problem: StoreProblem) => void) | undefined;
  readonly #problems = new Map<string, StoreProblem>();
  readonly #listeners = new ChangeListeners();
  // What this store last read or wrote per id: the base a save must still match.
  readonly #seen = new Map<string, Seen>();
  #fallback: MemoryStorage | undefined;

  constructor(options: LocalStorageDashboardStoreOptions = {}) {
    this.#key = options.key ?? 'conversation-reports';
    this.#prefix = `${this.#key}:dashboard:`;
    this.#storage = options.storage;
    this.#events = options.events;
    this.#onProblem = options.onProblem;
  }

  /** The entries that could not be read at the last look, one per key. */
  get problems(): StoreProblem[] {
    return [...this.#problems.values()].map((problem) => ({ ...problem }));
  }

  async list(given: DashboardUser): Promise<Dashboard[]> {
    const user = validateUser(given);
    const storage = this.#resolveStorage();
    const keys: string[] = [];
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key !== null && key.startsWith(this.#prefix)) keys.push(key);
    }
    for (const key of this.#problems.keys())
      if (key.startsWith(this.#prefix) && !keys.includes(key)) this.#problems.delete(key);
    const dashboards: Dashboard[] = [];
    for (const key of keys.sort()) {
      const entry = this.#read(storage, key);
      if (entry.state !== 'ok' || !canSee(entry.dashboard, user)) continue;
      this.#seen.set(entry.dashboard.id, { raw: entry.raw, dashboard: entry.dashboard });
      dashboards.push(structuredClone(entry.dashboard));
    }
    return dashboards;
  }

  async get(id: string, given: DashboardUser): Promise<Dashboard> {
    const user = validateUser(given);
    const storage = this.#resolveStorage();
    const entry = this.#readOk(storage, id, 'read');
    if (entry.state === 'missing') throw new NotFoundError(id);
    assertCanRead(entry.dashboard, user);
    this.#seen.set(id, { raw: entry.raw, dashboard: entry.dashboard });
    return structuredClone(entry.dashboard);
  }

  async save(draft: DashboardDraft, given: DashboardUser): Promise<Dashboard> {
    const user = validateUser(given);
    const storage = this.#resolveStorage();
    const id = typeof draft.id === 'string' && draft.id !== '' ? draft.id : undefined;
    const entry = id === undefined ? ({ state: 'missing' } as const) : this.#readOk(storage, id, 'save');
    const stored = entry.state === 'ok' ? entry.dashboard : undefined;
    const next = validateDashboard(withOwner(draft, stored, user));
    this.#assertUnchanged(next, entry, user);
    assertCanSave(stored, next, user);
    const raw = JSON.stringify({ version: envelopeVersion, dashboard: next });
    try {
      storage.setItem(this.#keyOf(next.id), raw);
    } catch (error) {
      throw new StoreError(`Dashboard "${next.id}" could not be saved: the browser's storage refused it (it may be full).`, {
        dashboardId: next.id,
        cause: error,
      });
    }
    this.#seen.set(next.id, { raw, dashboard: next });
    this.#listeners.notify();
    return structuredClone(next);
  }

  async delete(id: string, given: DashboardUser): Promise<void> {
    const user = validateUser(given);
    const storage = this.#resolveStorage();
    const entry = this.#readOk(storage, id, 'delete');
    if (entry.state === 'missing') throw new NotFoundError(id);
    assertCanDelete(entry.dashboard, user);
    const seen = this.#seen.get(id);
    // Deleting a version the user never saw is their explicit choice; deleting over a change they
    // have not seen is not.
    if (seen !== undefined && seen.raw !== entry.raw) {
      this.#seen.set(id, { raw: entry.raw, dashboard: entry.dashboard });
      throw new ConflictError(seen.dashboard, structuredClone(entry.dashboard));
    }
    storage.removeItem(this.#keyOf(id));
    this.#seen.delete(id);
    this.#listeners.notify();
  }

  subscribe(listener: () => void): () => void {
    const events = this.#events ?? (isEventTarget(globalThis) ? globalThis : undefined);
    const onStorage = (event: Event) => {
      if (this.#concerns(event)) listener();
    };
    events?.addEventListener('storage', onStorage);
    const unsubscribe = this.#listeners.add(listener);
    return () => {
      unsubscribe();
      events?.removeEventListener('storage', onStorage);
    };
  }

  #keyOf(id: string): string {
    return this.#prefix + id;
  }

  #concerns(event: Event): boolean {
    const { key, storageArea } = event as Partial<StorageEvent>;
    if (storageArea != null && storageArea !== this.#resolveStorage()) return false;
    // A null key means the whole storage was cleared.
    return typeof key !== 'string' || key.startsWith(this.#prefix);
  }

  #resolveStorage(): StorageLike {
    if (this.#storage !== undefined) return this.#storage;
    try {
      // Reading `localStorage` throws where it is blocked (sandboxed frames, some privacy modes).
      const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
      if (storage != null) return storage;
    } catch {
      // fall through to memory
    }
    if (this.#fallback === undefined) {
      this.#fallback = new MemoryStorage();
      this.#problem(
        this.#key,
        'browser storage is not available here; dashboards are kept only until the page is closed',
      );
    }
    return this.#fallback;
  }

  /** Reads the entry for `id`; an unreadable one stops the call rather than being overwritten. */
  #readOk(storage: StorageLike, id: string, action: string): Exclude<Entry, { state: 'bad' }> {
    const entry = this.#read(storage, this.#keyOf(id));
    if (entry.state === 'bad')
      throw new StoreError(`Cannot ${action} dashboard "${id}": its stored entry ${entry.message}.`, { dashboardId: id });
    return entry;
  }

  #read(storage: StorageLike, key: string): Entry {
    const raw = storage.getItem(key);
    if (raw === null) {
      this.#problems.delete(key);
      return { state: 'missing' };
    }
    const entry = this.#parse(key, raw);
    if (entry.state === 'bad') this.#problem(key, entry.message);
    else this.#problems.delete(key);
    return entry;
  }

  #parse(key: string, raw: string): Entry {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { state: 'bad', message: 'is not valid JSON' };
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) return { state: 'bad', message: 'is not a dashboard entry ({ version, dashboard })' };
    if (envelope.data.version !== envelopeVersion)
      return {
        state: 'bad',
        message: `has version ${envelope.data.version}; this version of the kit reads version ${envelopeVersion}`,
      };
    let dashboard: Dashboard;
    try {
      dashboard = validateDashboard(envelope.data.dashboard);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const issues = error.issues.map((issue) => `${issue.field} ${issue.message}`.trim());
      return { state: 'bad', message: `holds an invalid dashboard: ${issues.join('; ')}` };
    }
    const id = key.slice(this.#prefix.length);
    if (dashboard.id !== id) return { state: 'bad', message: `holds dashboard "${dashboard.id}" instead of "${id}"` };
    return { state: 'ok', raw, dashboard };
  }

  #problem(key: string, message: string): void {
    if (this.#problems.get(key)?.message === message) return;
    this.#problems.set(key, { key, message });
    this.#onProblem?.({ key, message });
  }

  /** @throws ConflictError when the stored version is not the one this store last read or wrote */
  #assertUnchanged(next: Dashboard, entry: Exclude<Entry, { state: 'bad' }>, user: DashboardUser): void {
    const seen = this.#seen.get(next.id);
    if (entry.state === 'missing') {
      if (seen === undefined) return;
      this.#seen.delete(next.id);
      throw new ConflictError(next, undefined, { remoteDeleted: true });
    }
    if (seen?.raw === entry.raw) return;
    // The remote version now counts as seen: the error hands it to the UI, and saving again is
    // then a deliberate choice.
    this.#seen.set(next.id, { raw: entry.raw, dashboard: entry.dashboard });
    throw new ConflictError(next, canSee(entry.dashboard, user) ? structuredClone(entry.dashboard) : undefined);
  }
}

function isEventTarget(value: unknown): value is EventTarget {
  return typeof (value as Partial<EventTarget>).addEventListener === 'function';
}
