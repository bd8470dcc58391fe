import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { Conversation, DrillPage, DrillPageRequest, Lookups, ReportSpec } from '../../core/index.ts';
import { csvFileName } from '../../core/export/csv.ts';
import { DrillCloseEvent } from '../../events/drill-close-event.ts';
import { formatDuration, formatNumber } from '../../i18n/format.ts';
import { resolveLocale, translate } from '../../i18n/translate.ts';
import {
  assigneeName,
  channelLabel,
  chatflowName,
  drillColumnIds,
  conversationHref,
  defaultDrillColumns,
  inboxName,
  lookupNames,
  responseTime,
  safeHref,
  shortUrl,
  sortKeyOf,
  sortedOrder,
  statusLabel,
  textOf,
  timeOf,
  timeToClose,
  type DrillColumnId,
  type LookupNames,
  type SortDirection,
} from './drill-columns.ts';
import { conversationsCsv } from './drill-csv.ts';
import { dialogShellStyles } from '../shared/dialog.styles.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { drillDialogStyles } from './drill-dialog.styles.ts';

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

// Revoking the object URL in the same task as the click can cancel the download before the browser
// has read the blob.
const REVOKE_DELAY_MS = 1_000;

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A mistyped `time-zone` attribute shows UTC times rather than breaking the dialog. */
function dateTimeFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  }
}

/** The focused element, looking through open shadow roots, so focus goes back to a button inside another component. */
function deepActiveElement(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * A modal list of the conversations behind one report point: sortable by every column, searchable,
 * 50 rows per page, exportable to CSV. Given `loadPage`, it asks for one page at a time (sort and
 * search go into the request) and exports by paging through every row; given `conversations`, it
 * pages, sorts and searches them itself.
 *
 * @summary The conversations behind a chart point, in a native modal `<dialog>`.
 *
 * @fires close - {DrillCloseEvent} The dialog closed (Escape, the close button or `hide()`). Bubbles, composed.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart heading - The `<h2>` naming the point and the number of conversations.
 * @csspart table - The `<table>` of conversations.
 * @csspart row - Each body row, one per conversation.
 * @csspart close-button - The close button.
 * @csspart export-button - The "Export CSV" button.
 * @csspart pagination - The Previous / Next bar with the "1–50 of 10,000" range.
 * @csspart columns - (v2) The Columns chooser (a disclosure of checkboxes).
 * @csspart conversation-link - (v2) The subject as a link to the conversation in the host's inbox (`conversation-url`).
 * @csspart search - The search box (subject, contact name, contact email or id).
 * @csspart error - Shown instead of the table when the conversations cannot be rendered.
 *
 * @cssproperty --cr-dialog-bg - Dialog background. Defaults to `--cr-color-surface`.
 * @cssproperty --cr-color-surface - Global surface color, the fallback of `--cr-dialog-bg` (default `#ffffff`).
 * @cssproperty --cr-color-text - Text color (default `#1f2328`).
 * @cssproperty --cr-color-border - Borders and rules (default `#d0d7de`).
 * @cssproperty --cr-color-focus - Focus rings (default `#0969da`).
 * @cssproperty --cr-color-hover - Hovered buttons.
 * @cssproperty --cr-font-family - Font family (default `system-ui, sans-serif`).
 * @cssproperty --cr-radius - Corner radius of the dialog and buttons (default `10px`).
 * @cssproperty --cr-space - Base spacing unit (default `12px`; dialogs use two thirds of it).
 *
 * @property {ReportSpec | null} spec - The report drilled into; its title heads the dialog when `heading` is empty.
 * @property {Conversation[]} conversations - The conversations to list, all of them (used when `loadPage` is not set).
 * @property {string | null} conversationUrl - (v2) Attribute `conversation-url`: a link template such as `https://app.example.com/inbox/{id}`; each row's subject links there (id URL-encoded, http(s) only).
 * @property {DrillColumnId[]} columns - (v2) The columns shown; default subject, assignee, inbox, status, created, response time.
 * @property {DrillPageLoader | null} loadPage - Asks for one page `(request, signal) => Promise<DrillPage>`; the dialog then pages, sorts, searches and exports through it.
 * @property {DrillPage | null} page - The page shown when `loadPage` is set (read it to see what is shown).
 * @property {boolean} open - Whether the dialog is shown, modal. Reflects to the `open` attribute.
 * @property {string} heading - Which point, e.g. "Chat volume by assignee — Alice Martin"; ", 42 conversations" is added.
 * @property {string} locale - BCP 47 locale of texts, numbers and dates. Defaults to the browser's.
 * @property {string} timeZone - IANA zone of dates (attribute `time-zone`). Defaults to the browser's.
 * @property {Partial<Lookups> | null} lookups - `{ assignees, inboxes, chatflows }` to show names instead of ids.
 * @property {'light' | 'dark' | 'auto' | undefined} theme - The built-in colours (attribute `theme`): `light`, `dark`, or `auto` (the reader's colour scheme). Unset, the dialog follows its nearest themed ancestor. Page `--cr-*` values win over them.
 */
export class DrillDialog extends LitElement {
  static override styles = [themeStyles, dialogShellStyles, drillDialogStyles];

  @property({ attribute: false }) spec: ReportSpec | null = null;
  @property({ attribute: false }) conversations: Conversation[] = [];
  @property({ attribute: false }) loadPage: DrillPageLoader | null = null;
  @property({ attribute: false }) page: DrillPage | null = null;
  @property({ type: Boolean, reflect: true }) open = false;
  @property() heading = '';
  @property() locale = resolveLocale();
  @property({ attribute: 'time-zone' }) timeZone = browserTimeZone();
  @property({ attribute: false }) lookups: Partial<Lookups> | null = null;
  /** `light`, `dark` or `auto`; unset, the dialog follows its nearest themed ancestor. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;
  /**
   * (v2) A link template to open a conversation in the host's inbox, such as
   * `https://app.example.com/inbox/{id}` (`{id}` is URL-encoded); only http(s) links are made.
   */
  @property({ attribute: 'conversation-url' }) conversationUrl: string | null = null;
  /** (v2) The columns shown, in table order (the reader changes them with the Columns chooser). */
  @property({ attribute: false }) columns: readonly DrillColumnId[] = defaultDrillColumns;

  @state() private sortColumn: DrillColumnId | null = null;
  @state() private sortDirection: SortDirection = 'asc';
  @state() private pageIndex = 0;
  @state() private search = '';
  @state() private exporting = false;

  /** The page asked for: a newer request aborts the older one, a stale answer is dropped. */
  private pageTask = new Task(this, {
    task: async ([loadPage, offset, column, direction, search], { signal }) => {
      if (!loadPage) return null;
      const request: DrillPageRequest = { offset, limit: DRILL_PAGE_SIZE, search };
      if (column !== null) request.sort = { by: SORT_PROPERTY[column], direction };
      const page = await loadPage(request, signal);
      this.page = page;
      return page;
    },
    args: () => [this.loadPage, this.pageIndex * DRILL_PAGE_SIZE, this.sortColumn, this.sortDirection, this.search] as const,
  });

  @query('dialog') private dialog!: HTMLDialogElement | null;

  private language = 'en';
  private names: LookupNames = lookupNames(null);
  private dateFormat: Intl.DateTimeFormat = dateTimeFormat('en', 'UTC');
  /** Indexes into `conversations` in display order. */
  private order: number[] = [];
  private opener: HTMLElement | null = null;
  private shown = false;
  private closeWaiters: (() => void)[] = [];

  /** Opens the dialog, modal; resolves once it is shown. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
  }

  /** Closes the dialog; resolves after the `close` event has fired and focus has gone back. */
  async hide(): Promise<void> {
    if (!this.shown) {
      this.open = false;
      await this.updateComplete;
      return;
    }
    const closed = new Promise<void>((resolve) => this.closeWaiters.push(resolve));
    this.open = false;
    await closed;
  }

  /** The CSV that "Export CSV" downloads for `conversations`: every conversation in the current order and search, full text. */
  toCsv(): string {
    return conversationsCsv(this.rows(), this.order, this.names, this.language);
  }

  /** The CSV of every conversation in the current order and search: through `loadPage` page by page, else `toCsv()`. */
  async exportCsvText(signal: AbortSignal = new AbortController().signal): Promise<string> {
    const loadPage = this.loadPage;
    if (!loadPage) return this.toCsv();
    const all: Conversation[] = [];
    const sort = this.sortColumn === null ? undefined : { by: SORT_PROPERTY[this.sortColumn], direction: this.sortDirection };
    for (;;) {
      const page = await loadPage({ offset: all.length, limit: DRILL_EXPORT_PAGE_SIZE, search: this.search, ...(sort ? { sort } : {}) }, signal);
      all.push(...page.rows);
      // A server may cap the page below what was asked: go on from what came, stop at the end.
      if (page.rows.length === 0 || all.length >= page.total) break;
    }
    return conversationsCsv(all, all.map((_, i) => i), this.names, this.language);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed from the page, the dialog leaves the top layer without a close event; closing it keeps
    // `open` and the host's listeners truthful.
    if (this.dialog?.open) this.dialog.close();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('locale') || changed.has('timeZone')) {
      this.language = resolveLocale(this.locale);
      this.dateFormat = dateTimeFormat(this.language, this.timeZone || browserTimeZone());
    }
    if (changed.has('lookups')) this.names = lookupNames(this.lookups);
    // Whichever the host gave last: conversations given alone replace an earlier loader.
    if (changed.has('conversations') && !changed.has('loadPage') && this.loadPage) {
      this.loadPage = null;
      this.page = null;
    }
    if (changed.has('conversations') || changed.has('loadPage')) this.pageIndex = 0;
    if (changed.has('loadPage') && this.loadPage) this.page = null;
    if (
      changed.has('conversations') ||
      changed.has('search') ||
      changed.has('lookups') ||
      changed.has('locale') ||
      changed.has('sortColumn') ||
      changed.has('sortDirection')
    )
      this.order = this.computeOrder();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open')) this.syncDialog();
  }

  private syncDialog(): void {
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      this.opener = deepActiveElement();
      try {
        dialog.showModal();
        this.shown = true;
      } catch {
        // Not connected, or opened non-modally by someone else: nothing is shown, so say so.
        this.opener = null;
        this.open = false;
      }
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  /** The native close: Escape, the close button, `hide()` or `open = false` all end here. */
  private onDialogClose(): void {
    this.shown = false;
    this.open = false;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(new DrillCloseEvent());
    const waiters = this.closeWaiters;
    this.closeWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private rows(): Conversation[] {
    return Array.isArray(this.conversations) ? this.conversations : [];
  }

  /** Indexes of `conversations` that the search keeps (a case-insensitive substring of subject, contact or id). */
  private searched(rows: Conversation[]): number[] {
    const needle = this.search.toLowerCase();
    const all = rows.map((_, i) => i);
    if (needle === '') return all;
    return all.filter((i) => SEARCHED.some((field) => {
      const value = rows[i]![field];
      return typeof value === 'string' && value.toLowerCase().includes(needle);
    }));
  }

  private computeOrder(): number[] {
    const rows = this.rows();
    const kept = this.searched(rows);
    const column = this.sortColumn;
    if (column === null) return kept;
    const keys = kept.map((i) => sortKeyOf(column, rows[i]!, this.names, this.language));
    const collator = new Intl.Collator(this.language, { numeric: true, sensitivity: 'base' });
    return sortedOrder(keys, this.sortDirection, collator.compare).map((k) => kept[k]!);
  }

  private onSearch(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
    this.pageIndex = 0;
  }

  /** How many conversations match: the page's total when paging through `loadPage`. */
  private matchCount(): number {
    return this.loadPage ? (this.page?.total ?? 0) : this.order.length;
  }

  private sortBy(column: DrillColumnId): void {
    if (this.sortColumn === column) this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    else {
      this.sortColumn = column;
      this.sortDirection = 'asc';
    }
    this.pageIndex = 0;
  }

  private goTo(page: number): void {
    const last = Math.max(0, Math.ceil(this.matchCount() / DRILL_PAGE_SIZE) - 1);
    this.pageIndex = Math.min(Math.max(0, page), last);
    this.renderRoot.querySelector('.scroller')?.scrollTo?.({ top: 0 });
  }

  private async exportCsv(): Promise<void> {
    // The conversations at hand download in the click's own task; pages are asked for first.
    if (!this.loadPage) return this.download(this.toCsv());
    if (this.exporting) return;
    this.exporting = true;
    let text: string;
    try {
      text = await this.exportCsvText();
    } catch {
      // The page shows the loader's error on its next page; an export that failed downloads nothing.
      return;
    } finally {
      this.exporting = false;
    }
    this.download(text);
  }

  private download(text: string): void {
    const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = csvFileName(this.pointTitle());
    link.hidden = true;
    // Inside the modal dialog: everything outside it is inert while it is open.
    (this.dialog ?? this.renderRoot).appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }

  private t(key: string, params?: Record<string, string | number>): string {
    return translate(this.language, key, params);
  }

  /** What the dialog is about, without the count. */
  private pointTitle(): string {
    return this.heading || this.spec?.title || '';
  }

  private headingText(): string {
    const title = this.pointTitle();
    const count = this.loadPage ? (this.page?.total ?? 0) : this.rows().length;
    return title ? this.t('drill.heading', { title, count }) : this.t('common.conversations', { count });
  }

  protected override render(): TemplateResult {
    const heading = this.headingText();
    let body: TemplateResult;
    try {
      body = this.renderBody(heading);
    } catch (error) {
      // A host that hands over malformed records gets a readable message, not a blank dialog.
      body = html`<p part="error" role="alert" class="error">
        ${this.t('drill.error', { message: error instanceof Error ? error.message : String(error) })}
      </p>`;
    }
    return html`
      <dialog part="dialog" aria-labelledby="heading" @close=${this.onDialogClose}>
        <header class="header">
          <h2 part="heading" id="heading">${heading}</h2>
          <div class="actions">
            <button part="export-button" type="button" ?disabled=${this.exporting} @click=${() => void this.exportCsv()}>${this.t('drill.exportCsv')}</button>
            <button part="close-button" type="button" autofocus @click=${() => void this.hide()}>
              ${this.t('drill.close')}
            </button>
          </div>
        </header>
        <label class="search">
          <span>${this.t('drill.search')}</span>
          <input part="search" type="search" .value=${this.search} @input=${this.onSearch} />
        </label>
        ${this.renderColumnChooser()}
        ${body}
      </dialog>
    `;
  }

  private renderBody(heading: string): TemplateResult {
    if (this.loadPage && this.pageTask.status === TaskStatus.ERROR) throw this.pageTask.error;
    const total = this.matchCount();
    const start = this.pageIndex * DRILL_PAGE_SIZE;
    const pageRows: TemplateResult[] = [];
    let end: number;
    if (this.loadPage) {
      const rows = this.page?.rows ?? [];
      for (const c of rows) pageRows.push(this.renderRow(c));
      end = Math.min(total, start + rows.length);
    } else {
      end = Math.min(total, start + DRILL_PAGE_SIZE);
      const rows = this.rows();
      for (let i = start; i < end; i++) {
        const c = rows[this.order[i]!];
        if (c) pageRows.push(this.renderRow(c));
      }
    }
    const number = (value: number) => formatNumber(value, this.language);
    return html`
      <div class="scroller" tabindex="0" role="region" aria-labelledby="caption">
        <table part="table">
          <caption id="caption" class="visually-hidden">${this.t('drill.caption', { title: heading })}</caption>
          <thead>
            <tr>${this.shownColumns().map((id) => this.renderHeader(id))}</tr>
          </thead>
          <tbody>
            ${pageRows.length > 0
              ? pageRows
              : html`<tr><td class="empty" colspan=${this.shownColumns().length}>${this.t('drill.empty')}</td></tr>`}
          </tbody>
        </table>
      </div>
      <nav part="pagination" class="pagination" aria-label=${this.t('drill.pagination')}>
        <button type="button" ?disabled=${start === 0} @click=${() => this.goTo(this.pageIndex - 1)}>
          ${this.t('drill.previous')}
        </button>
        <span class="range" aria-live="polite">
          ${this.t('drill.range', { from: number(total === 0 ? 0 : start + 1), to: number(end), total: number(total) })}
        </span>
        <button type="button" ?disabled=${end >= total} @click=${() => this.goTo(this.pageIndex + 1)}>
          ${this.t('drill.next')}
        </button>
      </nav>
    `;
  }

  /** The chosen columns in table order; unknown names (from a host) are left out, and never none. */
  private shownColumns(): DrillColumnId[] {
    const chosen = new Set(Array.isArray(this.columns) ? this.columns : defaultDrillColumns);
    const shown = drillColumnIds.filter((id) => chosen.has(id));
    return shown.length > 0 ? shown : ['subject'];
  }

  private toggleColumn(id: DrillColumnId, on: boolean): void {
    const chosen = new Set(this.shownColumns());
    if (on) chosen.add(id);
    else chosen.delete(id);
    this.columns = drillColumnIds.filter((column) => chosen.has(column));
  }

  /** The Columns chooser: one labelled checkbox per column, in a disclosure. */
  private renderColumnChooser(): TemplateResult {
    const shown = new Set(this.shownColumns());
    return html`<details part="columns" class="columns">
      <summary>${this.t('drill.columns')}</summary>
      <fieldset>
        <legend class="visually-hidden">${this.t('drill.columns')}</legend>
        ${drillColumnIds.map(
          (id) => html`<label
            ><input
              type="checkbox"
              data-column=${id}
              .checked=${shown.has(id)}
              ?disabled=${shown.size === 1 && shown.has(id)}
              @change=${(event: Event) => this.toggleColumn(id, (event.target as HTMLInputElement).checked)}
            />${this.t(`drill.column.${id}`)}</label
          >`,
        )}
      </fieldset>
    </details>`;
  }

  private renderHeader(id: DrillColumnId): TemplateResult {
    const sorted = this.sortColumn === id;
    const ascending = this.sortDirection === 'asc';
    return html`<th scope="col" class=${`col-${id}`} aria-sort=${sorted ? (ascending ? 'ascending' : 'descending') : nothing}>
      <button type="button" class="sort" data-column=${id} @click=${() => this.sortBy(id)}>
        <span>${this.t(`drill.column.${id}`)}</span>
        <span class="sort-icon" aria-hidden="true">${sorted ? (ascending ? '▲' : '▼') : '↕'}</span>
      </button>
    </th>`;
  }

  private renderRow(c: Conversation): TemplateResult {
    return html`<tr part="row">${this.shownColumns().map((id) => html`<td class=${`col-${id}`}>${this.renderCell(id, c)}</td>`)}</tr>`;
  }

  private renderCell(id: DrillColumnId, c: Conversation): unknown {
    const missing = () => html`<span class="missing">${this.t('drill.none')}</span>`;
    const text = (value: string | null) => value ?? missing();
    switch (id) {
      case 'subject': {
        const subject = textOf(c.subject);
        const name = textOf(c.contactName);
        const email = textOf(c.contactEmail);
        const shownSubject = subject ?? this.t('drill.noSubject');
        const href = conversationHref(this.conversationUrl, c.id);
        return html`<span class=${subject === null ? 'subject missing' : 'subject'}
            >${href
              ? html`<a part="conversation-link" href=${href} rel="noopener noreferrer" target="_blank"
                  >${shownSubject}<span class="visually-hidden"> ${this.t('drill.openConversation')}</span></a
                >`
              : shownSubject}</span
          >
          ${name || email
            ? html`<span class="contact">${name ? html`<span class="name">${name}</span>` : nothing}
                ${email ? html`<span class="email">${email}</span>` : nothing}</span>`
            : nothing}`;
      }
      case 'assignee': {
        const name = assigneeName(c, this.names);
        return name ?? html`<span class="missing">${this.t('drill.unassigned')}</span>`;
      }
      case 'inbox':
        return text(inboxName(c, this.names));
      case 'channel':
        return text(channelLabel(c.channel, this.language));
      case 'status':
        return text(statusLabel(c.status, this.language));
      case 'createdAt':
      case 'firstResponseAt':
      case 'closedAt': {
        const time = timeOf(c[id]);
        if (time === null) return missing();
        return html`<time datetime=${new Date(time).toISOString()}>${this.dateFormat.format(time)}</time>`;
      }
      case 'responseTime':
      case 'timeToClose': {
        const ms = id === 'responseTime' ? responseTime(c) : timeToClose(c);
        return ms === null ? missing() : formatDuration(ms, this.language);
      }
      case 'pageUrl': {
        const url = textOf(c.pageUrl);
        if (url === null) return missing();
        const href = safeHref(url);
        return href
          ? html`<a href=${href} rel="noopener noreferrer" target="_blank" title=${url}
              >${shortUrl(url)}<span class="visually-hidden"> ${this.t('drill.newTab')}</span></a
            >`
          : html`<span title=${url}>${shortUrl(url)}</span>`;
      }
      case 'chatflow':
        return text(chatflowName(c, this.names));
      case 'ticket':
        return text(textOf(c.ticketId));
    }
  }
}

if (!customElements.get('drill-dialog')) customElements.define('drill-dialog', DrillDialog);

declare global {
  interface HTMLElementTagNameMap {
    'drill-dialog': DrillDialog;
  }
}
