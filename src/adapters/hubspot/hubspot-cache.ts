import { record } from './map-thread.ts';

/** Bumped whenever what is stored changes meaning: a snapshot of another format is dropped, never read. */
export const HUBSPOT_CACHE_FORMAT = 1;

/** One thread as the cache keeps it: its conversation, and the latest-message time it was read at. */
export interface CachedThread {
  id: string;
  /** The thread's `latestMessageTimestamp` when its messages were read; another value means they changed. */
  latest: string | null;
  conversation: Record<string, unknown>;
}

/**
 * What a HubSpotDataSource knows of one portal, for one user: every thread with activity since
 * `coverageFrom`, as of `syncedAt`.
 */
export interface HubSpotCacheSnapshot {
  format: typeof HUBSPOT_CACHE_FORMAT;
  /** Epoch ms when the listing of the last complete load began: later changes are the next load's. */
  syncedAt: number;
  /** Epoch ms: the cache holds every thread with any time at or after it. */
  coverageFrom: number;
  /** Epoch ms when the last load that listed every thread (not only those with new messages) began. */
  listedAt: number;
  /** The mapping settings the conversations were made with (channels, inboxes, integrations); others mean another mapping. */
  settings: string;
  threads: CachedThread[];
}

/** Where a HubSpotDataSource keeps its snapshot between loads (and page reloads). */
export interface HubSpotCache {
  /** The stored snapshot, or null when there is none or it cannot be trusted (it is dropped then). */
  read(): Promise<HubSpotCacheSnapshot | null>;
  write(snapshot: HubSpotCacheSnapshot): Promise<void>;
  clear(): Promise<void>;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The fields `mapThread` writes; a stored conversation with any other, or a value that is not plain, was not written by us. */
const FIELDS = new Set([
  'id',
  'channel',
  'status',
  'inboxId',
  'assigneeId',
  'createdAt',
  'closedAt',
  'firstResponseAt',
  'ticketId',
  'chatflowId',
  'pageUrl',
  'subject',
  'contactName',
  'contactEmail',
  'properties',
]);
const plain = (value: unknown) => value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);

function wellFormed(conversation: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(conversation)) {
    if (!FIELDS.has(key)) return false;
    if (key === 'properties') {
      const properties = record(value);
      if (!properties || !Object.values(properties).every(plain)) return false;
    } else if (!plain(value)) return false;
  }
  return true;
}

/**
 * The snapshot if every part of it has the shape this version writes, else null. Anything else (an
 * older format, a half-written or hand-edited record) is not repaired: one wrong thread could hide
 * a wrong number, so the whole snapshot goes and the next load reads the portal afresh. (Whether
 * a well-formed conversation's values are valid is the kit's parse to say, as for fresh data.)
 */
export function checkSnapshot(raw: unknown): HubSpotCacheSnapshot | null {
  const snapshot = record(raw);
  if (!snapshot || snapshot.format !== HUBSPOT_CACHE_FORMAT) return null;
  if (!finite(snapshot.syncedAt) || !finite(snapshot.coverageFrom) || !finite(snapshot.listedAt) || typeof snapshot.settings !== 'string' || !Array.isArray(snapshot.threads)) return null;
  const seen = new Set<string>();
  for (const item of snapshot.threads) {
    const thread = record(item);
    const conversation = record(thread?.conversation);
    if (!thread || !conversation || typeof thread.id !== 'string' || seen.has(thread.id) || conversation.id !== thread.id || !wellFormed(conversation)) return null;
    if (thread.latest !== null && typeof thread.latest !== 'string') return null;
    seen.add(thread.id);
  }
  return snapshot as unknown as HubSpotCacheSnapshot;
}

/** A cache in memory: for Node, tests, and pages that want incremental reloads without storage. */
export class MemoryHubSpotCache implements HubSpotCache {
  #stored: unknown = undefined;
  /** Snapshots written so far. */
  writes = 0;

  async read(): Promise<HubSpotCacheSnapshot | null> {
    const snapshot = checkSnapshot(this.#stored);
    if (snapshot === null) this.#stored = undefined;
    return snapshot === null ? null : structuredClone(snapshot);
  }

  async write(snapshot: HubSpotCacheSnapshot): Promise<void> {
    this.writes++;
    this.#stored = structuredClone(snapshot);
  }

  async clear(): Promise<void> {
    this.#stored = undefined;
  }

  /** Replaces what is stored with anything, as a damaged store would hold (tests). */
  corrupt(value: unknown): void {
    this.#stored = value;
  }
}
