import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataSource } from '../adapters/data-source.ts';
import { parseConversations, type ParseError } from '../core/parse-conversations.ts';
import type { Conversation, Lookups } from '../core/schema/conversation.ts';
import { createTable, normalizeLookups, type ConversationTable } from '../core/table.ts';
import type { DateRange } from '../core/types.ts';
import type { LoadState } from './dashboard-data.ts';

export interface LoadedData {
  table: ConversationTable;
  lookups: Lookups;
  rejected: ParseError[];
  loadedAt: number;
  range: DateRange;
}

export class MalformedPageError extends Error {
  override name = 'MalformedPageError';
  constructor(readonly page: number, detail: string) {
    super(`Page ${page} from the data source is malformed: ${detail}`);
  }
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
}

/**
 * Loads conversations page by page through a DataSource, parses them and builds the table.
 * A newer load aborts the older one, whose late results are dropped; disconnecting the host
 * aborts too, so no request outlives the element. The last good data stays while a reload
 * runs or fails.
 */
export class DataLoadController implements ReactiveController {
  state: LoadState = 'idle';
  progress: { loaded: number; total: number | null } = { loaded: 0, total: null };
  error: unknown = null;
  data: LoadedData | null = null;
  #abort: AbortController | null = null;
  #request = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (phase: 'loaded' | 'error' | 'progress', error?: unknown) => void = () => {},
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  abort(): void {
    this.#request++;
    this.#abort?.abort(new DOMException('The load was replaced or its element removed.', 'AbortError'));
    this.#abort = null;
    if (this.state === 'loading') this.state = this.data ? 'ready' : 'idle';
  }

  /** Starts a load; resolves when it ends (also when it was aborted or superseded). */
  async load(source: DataSource, range: DateRange): Promise<void> {
    this.abort();
    const request = this.#request;
    const controller = new AbortController();
    this.#abort = controller;
    const { signal } = controller;
    const current = () => request === this.#request && !signal.aborted;
    this.state = 'loading';
    this.error = null;
    this.progress = { loaded: 0, total: null };
    this.host.requestUpdate();
    try {
      const lookups = source.lookups ? source.lookups(signal) : Promise.resolve(undefined);
      const seen = new Set<string>();
      const conversations: Conversation[] = [];
      const rejected: ParseError[] = [];
      let offset = 0;
      let page = 0;
      for await (const chunk of source.load({ range, signal })) {
        if (!current()) return;
        page++;
        if (!chunk || !Array.isArray(chunk.conversations))
          throw new MalformedPageError(page, 'expected { conversations: [...] }');
        const parsed = parseConversations(chunk.conversations, seen);
        for (const conversation of parsed.conversations) conversations.push(conversation);
        for (const error of parsed.errors) rejected.push({ ...error, index: error.index + offset });
        offset += chunk.conversations.length;
        this.progress = { loaded: offset, total: typeof chunk.total === 'number' ? chunk.total : null };
        this.onChange('progress');
        this.host.requestUpdate();
      }
      const names = normalizeLookups(await lookups);
      if (!current()) return;
      this.data = { table: createTable(conversations, names), lookups: names, rejected, loadedAt: Date.now(), range };
      this.state = 'ready';
      this.onChange('loaded');
    } catch (error) {
      if (!current() || isAbort(error, signal)) return;
      this.state = 'error';
      this.error = error;
      this.onChange('error', error);
    } finally {
      if (request === this.#request) this.#abort = null;
      this.host.requestUpdate();
    }
  }
}
