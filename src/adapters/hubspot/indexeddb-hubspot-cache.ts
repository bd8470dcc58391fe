import { openDB, type IDBPDatabase } from 'idb';
import { checkSnapshot, type HubSpotCache, type HubSpotCacheSnapshot } from './hubspot-cache.ts';

const DATABASE = 'conversation-reports-hubspot';
/** The database's layout; an upgrade from any older one drops what it held (HUBSPOT_CACHE_FORMAT guards the records). */
const DATABASE_VERSION = 1;
const STORE = 'snapshots';

export interface IndexedDbHubSpotCacheOptions {
  /** The HubSpot portal (hub) id: two portals never share a snapshot. */
  portalId: string;
  /** The signed-in user of the host page: two users of one browser never share a snapshot. */
  userId: string;
  /** Default `conversation-reports-hubspot`. */
  databaseName?: string;
}

/**
 * The HubSpot snapshot in the browser's IndexedDB, one record per portal and user, so a reload
 * reads only what changed since the last load. Through `idb` (a 1 KiB promise wrapper kept by a
 * Chrome engineer): IndexedDB's raw request/event API is easy to get subtly wrong (transactions
 * that auto-commit across an await, blocked upgrades), which is what the wrapper absorbs.
 * A record that fails `checkSnapshot` is deleted when read; a database that cannot be opened
 * (private mode, quota, a blocked upgrade) makes every read null and every write a no-op: the
 * source still loads, just in full.
 */
export class IndexedDbHubSpotCache implements HubSpotCache {
  readonly #key: string;
  readonly #name: string;
  #db: Promise<IDBPDatabase | null> | null = null;

  constructor(options: IndexedDbHubSpotCacheOptions) {
    if (typeof options.portalId !== 'string' || options.portalId === '') throw new TypeError('IndexedDbHubSpotCache needs the portalId');
    if (typeof options.userId !== 'string' || options.userId === '') throw new TypeError('IndexedDbHubSpotCache needs the userId');
    this.#key = JSON.stringify([options.portalId, options.userId]);
    this.#name = options.databaseName ?? DATABASE;
  }

  #open(): Promise<IDBPDatabase | null> {
    this.#db ??= (async () => {
      if (typeof indexedDB === 'undefined') return null;
      try {
        const db: IDBPDatabase = await openDB(this.#name, DATABASE_VERSION, {
          upgrade(db) {
            // Whatever an older layout held is not trusted.
            for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
            db.createObjectStore(STORE);
          },
          blocking: () => {
            // A newer page wants to upgrade: step aside rather than block it (the next use reopens).
            db.close();
            this.#db = null;
          },
        });
        return db;
      } catch {
        return null;
      }
    })();
    return this.#db;
  }

  async read(): Promise<HubSpotCacheSnapshot | null> {
    const db = await this.#open();
    if (!db) return null;
    let raw: unknown;
    try {
      raw = await db.get(STORE, this.#key);
    } catch {
      return null;
    }
    if (raw === undefined) return null;
    const snapshot = checkSnapshot(raw);
    if (snapshot === null) await db.delete(STORE, this.#key).catch(() => {});
    return snapshot;
  }

  async write(snapshot: HubSpotCacheSnapshot): Promise<void> {
    const db = await this.#open();
    if (!db) return;
    try {
      await db.put(STORE, snapshot, this.#key);
    } catch {
      // Quota or a closed connection: the next load is a full one; no data is lost.
    }
  }

  async clear(): Promise<void> {
    const db = await this.#open();
    if (!db) return;
    await db.delete(STORE, this.#key);
  }

  /** Closes the connection (tests; a page that is done with the source). */
  async close(): Promise<void> {
    const db = await this.#db;
    db?.close();
    this.#db = null;
  }
}
