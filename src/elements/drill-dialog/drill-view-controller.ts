import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Conversation, DrillPage, DrillPageRequest } from '../../core/index.ts';
import { sortKeyOf, sortedOrder, type DrillColumnId, type LookupNames, type SortDirection } from './drill-columns.ts';
import { conversationsCsv } from './drill-csv.ts';

/** Rows in the DOM at once: enough to scan, few enough that 10 000 conversations stay smooth. */
export const DRILL_PAGE_SIZE = 50;

/** Rows asked per request when exporting every conversation through `loadPage` (a server may cap it lower). */
export const DRILL_EXPORT_PAGE_SIZE = 1_000;

/** Asks for one page of the conversations behind the point (what `DataSource.drill` gives). */
export type DrillPageLoader = (request: DrillPageRequest, signal: AbortSignal) => Promise<DrillPage>;

/** The conversation property each column sorts by when the pages are asked for. */
const SORT_PROPERTY: Record<DrillColumnId, string> = {
  subject: 'subject',
  assignee: 'assigneeId',
  inbox: 'inboxId',
  channel: 'channel',
  status: 'status',
  createdAt: 'createdAt',
  firstResponseAt: 'firstResponseAt',
  closedAt: 'closedAt',
  responseTime: 'responseTime',
  timeToClose: 'timeToClose',
  pageUrl: 'pageUrl',
  chatflow: 'chatflowId',
  ticket: 'ticketId',
};

const SEARCHED = ['subject', 'contactName', 'contactEmail', 'id'] as const;

/** What the view reads from the dialog: its conversations or its loader, and how names and text are shown. */
export interface DrillSource {
  conversations(): Conversation[];
  loadPage(): DrillPageLoader | null;
  page(): DrillPage | null;
  /** Called with each page the loader answers with. */
  setPage(page: DrillPage): void;
  names(): LookupNames;
  language(): string;
}

/** The rows shown: their range in the matches, and the conversations themselves. */
export interface DrillWindow {
  start: number;
  end: number;
  total: number;
  rows: Conversation[];
}

/**
 * Sort, search, paging and CSV export of the drill dialog, over the conversations at hand or page
 * by page through the host's `loadPage`. The page asked for is a `Task`: a newer request aborts the
 * older one and a stale answer is dropped.
 */
export class DrillViewController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: DrillSource;
  #sortColumn: DrillColumnId | null = null;
  #sortDirection: SortDirection = 'asc';
  #pageIndex = 0;
  #search = '';
  #exporting = false;
  #order: number[] = [];
  #orderKey: readonly unknown[] = [];

  readonly #pageTask: Task<readonly [DrillPageLoader | null, number, DrillColumnId | null, SortDirection, string], DrillPage | null>;

  constructor(host: ReactiveControllerHost, source: DrillSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
    this.#pageTask = new Task(host, {
      task: async ([loadPage, offset, column, direction, search], { signal }) => {
        if (!loadPage) return null;
        const request: DrillPageRequest = { offset, limit: DRILL_PAGE_SIZE, search };
        if (column !== null) request.sort = { by: SORT_PROPERTY[column], direction };
        const page = await loadPage(request, signal);
        source.setPage(page);
        return page;
      },
      args: () => [source.loadPage(), this.#pageIndex * DRILL_PAGE_SIZE, this.#sortColumn, this.#sortDirection, this.#search] as const,
    });
  }

  hostConnected(): void {}

  get sortColumn(): DrillColumnId | null {
    return this.#sortColumn;
  }

  get sortDirection(): SortDirection {
    return this.#sortDirection;
  }

  get pageIndex(): number {
    return this.#pageIndex;
  }

  get search(): string {
    return this.#search;
  }

  get exporting(): boolean {
    return this.#exporting;
  }

  /** Why the current page could not be loaded (undefined when it could, or nothing is loaded). */
  get pageError(): { error: unknown } | undefined {
    return this.#source.loadPage() && this.#pageTask.status === TaskStatus.ERROR ? { error: this.#pageTask.error } : undefined;
  }

  #update(change: () => void): void {
    change();
    this.#host.requestUpdate();
  }

  /** Back to the first page (new conversations, a new loader). */
  firstPage(): void {
    this.#update(() => (this.#pageIndex = 0));
  }

  setSearch(search: string): void {
    this.#update(() => {
      this.#search = search;
      this.#pageIndex = 0;
    });
  }

  /** Sorts by `column`, ascending; the same column again turns the direction. */
  sortBy(column: DrillColumnId): void {
    this.#update(() => {
      if (this.#sortColumn === column) this.#sortDirection = this.#sortDirection === 'asc' ? 'desc' : 'asc';
      else {
        this.#sortColumn = column;
        this.#sortDirection = 'asc';
      }
      this.#pageIndex = 0;
    });
  }

  /** Shows page `page` (0-based), kept within the pages there are. */
  goTo(page: number): void {
    const last = Math.max(0, Math.ceil(this.matchCount() / DRILL_PAGE_SIZE) - 1);
    this.#update(() => (this.#pageIndex = Math.min(Math.max(0, page), last)));
  }

  rows(): Conversation[] {
    return Array.isArray(this.#source.conversations()) ? this.#source.conversations() : [];
  }

  /** How many conversations there are before the search: the page's total when paging through `loadPage`. */
  total(): number {
    return this.#source.loadPage() ? (this.#source.page()?.total ?? 0) : this.rows().length;
  }

  /** How many conversations match: the page's total when paging through `loadPage`. */
  matchCount(): number {
    return this.#source.loadPage() ? (this.#source.page()?.total ?? 0) : this.order().length;
  }

  /** The rows of the current page and where they sit among the matches. */
  window(): DrillWindow {
    const total = this.matchCount();
    const start = this.#pageIndex * DRILL_PAGE_SIZE;
    if (this.#source.loadPage()) {
      const rows = this.#source.page()?.rows ?? [];
      return { start, end: Math.min(total, start + rows.length), total, rows };
    }
    const end = Math.min(total, start + DRILL_PAGE_SIZE);
    const all = this.rows();
    const order = this.order();
    const rows: Conversation[] = [];
    for (let i = start; i < end; i++) {
      const row = all[order[i]!];
      if (row) rows.push(row);
    }
    return { start, end, total, rows };
  }

  /** Indexes into `conversations` in display order: searched, then sorted (worked out again only when an input changed). */
  order(): number[] {
    const key = [this.rows(), this.#search, this.#sortColumn, this.#sortDirection, this.#source.names(), this.#source.language()];
    if (key.some((value, i) => value !== this.#orderKey[i])) {
      this.#order = this.#computeOrder();
      this.#orderKey = key;
    }
    return this.#order;
  }

  /** The CSV of `conversations`: every conversation in the current order and search, full text. */
  csvOfRows(): string {
    return conversationsCsv(this.rows(), this.order(), this.#source.names(), this.#source.language());
  }

  /** The CSV of every conversation in the current order and search: through `loadPage` page by page, else `csvOfRows()`. */
  async csv(signal: AbortSignal): Promise<string> {
    const loadPage = this.#source.loadPage();
    if (!loadPage) return this.csvOfRows();
    const all: Conversation[] = [];
    const sort = this.#sortColumn === null ? undefined : { by: SORT_PROPERTY[this.#sortColumn], direction: this.#sortDirection };
    for (;;) {
      const page = await loadPage({ offset: all.length, limit: DRILL_EXPORT_PAGE_SIZE, search: this.#search, ...(sort ? { sort } : {}) }, signal);
      all.push(...page.rows);
      // A server may cap the page below what was asked: go on from what came, stop at the end.
      if (page.rows.length === 0 || all.length >= page.total) break;
    }
    return conversationsCsv(all, all.map((_, i) => i), this.#source.names(), this.#source.language());
  }

  /**
   * The CSV for the export button, handed to `save`: the conversations at hand in the click's own
   * task; through `loadPage` after the pages came, once at a time. A failed export saves nothing
   * (the page shows the loader's error on its next page).
   */
  async export(save: (text: string) => void): Promise<void> {
    if (!this.#source.loadPage()) return save(this.csvOfRows());
    if (this.#exporting) return;
    this.#update(() => (this.#exporting = true));
    let text: string;
    try {
      text = await this.csv(new AbortController().signal);
    } catch {
      return;
    } finally {
      this.#update(() => (this.#exporting = false));
    }
    save(text);
  }

  /** Indexes of `conversations` that the search keeps (a case-insensitive substring of subject, contact or id). */
  #searched(rows: Conversation[]): number[] {
    const needle = this.#search.toLowerCase();
    const all = rows.map((_, i) => i);
    if (needle === '') return all;
    return all.filter((i) =>
      SEARCHED.some((field) => {
        const value = rows[i]![field];
        return typeof value === 'string' && value.toLowerCase().includes(needle);
      }),
    );
  }

  #computeOrder(): number[] {
    const rows = this.rows();
    const kept = this.#searched(rows);
    const column = this.#sortColumn;
    if (column === null) return kept;
    const names = this.#source.names();
    const language = this.#source.language();
    const keys = kept.map((i) => sortKeyOf(column, rows[i]!, names, language));
    const collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
    return sortedOrder(keys, this.#sortDirection, collator.compare).map((k) => kept[k]!);
  }
}
