import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Conversation, Lookups, ReportSpec } from '../../core/index.ts';
import { csvFileName } from '../../core/csv.ts';
import { DrillCloseEvent } from '../../events/drill-close-event.ts';
import { formatDuration, formatNumber } from '../../i18n/format.ts';
import { resolveLocale, translate } from '../../i18n/translate.ts';
import {
  assigneeName,
  channelLabel,
  chatflowName,
  drillColumnIds,
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
import { themeStyles } from '../shared/theme.styles.ts';
import { drillDialogStyles } from './drill-dialog.styles.ts';

/** Rows in the DOM at once: enough to scan, few enough that 10 000 conversations stay smooth. */
export const DRILL_PAGE_SIZE = 50;

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
 * A modal list of the conversations behind one report point: sortable by every column, 50 rows per
 * page, exportable to CSV.
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
 * @property {Conversation[]} conversations - The conversations to list (e.g. the result of `drillDown`).
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
  @property({ type: Boolean, reflect: true }) open = false;
  @property() heading = '';
  @property() locale = resolveLocale();
  @property({ attribute: 'time-zone' }) timeZone = browserTimeZone();
  @property({ attribute: false }) lookups: Partial<Lookups> | null = null;
  /** `light`, `dark` or `auto`; unset, the dialog follows its nearest themed ancestor. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;

  @state() private sortColumn: DrillColumnId | null = null;
  @state() private sortDirection: SortDirection = 'asc';
  @state() private page = 0;

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

  /** The CSV that "Export CSV" downloads: every conversation in the current order, full text. */
  toCsv(): string {
    return conversationsCsv(this.rows(), this.order, this.names, this.language);
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
    if (changed.has('conversations')) this.page = 0;
    if (
      changed.has('conversations') ||
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

  private computeOrder(): number[] {
    const rows = this.rows();
    const column = this.sortColumn;
    if (column === null) return rows.map((_, i) => i);
    const keys = rows.map((c) => sortKeyOf(column, c, this.names, this.language));
    const collator = new Intl.Collator(this.language, { numeric: true, sensitivity: 'base' });
    return sortedOrder(keys, this.sortDirection, collator.compare);
  }

  private sortBy(column: DrillColumnId): void {
    if (this.sortColumn === column) this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    else {
      this.sortColumn = column;
      this.sortDirection = 'asc';
    }
    this.page = 0;
  }

  private goTo(page: number): void {
    const last = Math.max(0, Math.ceil(this.order.length / DRILL_PAGE_SIZE) - 1);
    this.page = Math.min(Math.max(0, page), last);
    this.renderRoot.querySelector('.scroller')?.scrollTo?.({ top: 0 });
  }

  private exportCsv(): void {
    const blob = new Blob(['\uFEFF', this.toCsv()], { type: 'text/csv;charset=utf-8' });
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
    const count = this.rows().length;
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
            <button part="export-button" type="button" @click=${this.exportCsv}>${this.t('drill.exportCsv')}</button>
            <button part="close-button" type="button" autofocus @click=${() => void this.hide()}>
              ${this.t('drill.close')}
            </button>
          </div>
        </header>
        ${body}
      </dialog>
    `;
  }

  private renderBody(heading: string): TemplateResult {
    const total = this.order.length;
    const start = this.page * DRILL_PAGE_SIZE;
    const end = Math.min(total, start + DRILL_PAGE_SIZE);
    const rows = this.rows();
    const pageRows: TemplateResult[] = [];
    for (let i = start; i < end; i++) {
      const c = rows[this.order[i]!];
      if (c) pageRows.push(this.renderRow(c));
    }
    const number = (value: number) => formatNumber(value, this.language);
    return html`
      <div class="scroller" tabindex="0" role="region" aria-labelledby="caption">
        <table part="table">
          <caption id="caption" class="visually-hidden">${this.t('drill.caption', { title: heading })}</caption>
          <thead>
            <tr>${drillColumnIds.map((id) => this.renderHeader(id))}</tr>
          </thead>
          <tbody>
            ${pageRows.length > 0
              ? pageRows
              : html`<tr><td class="empty" colspan=${drillColumnIds.length}>${this.t('drill.empty')}</td></tr>`}
          </tbody>
        </table>
      </div>
      <nav part="pagination" class="pagination" aria-label=${this.t('drill.pagination')}>
        <button type="button" ?disabled=${start === 0} @click=${() => this.goTo(this.page - 1)}>
          ${this.t('drill.previous')}
        </button>
        <span class="range" aria-live="polite">
          ${this.t('drill.range', { from: number(total === 0 ? 0 : start + 1), to: number(end), total: number(total) })}
        </span>
        <button type="button" ?disabled=${end >= total} @click=${() => this.goTo(this.page + 1)}>
          ${this.t('drill.next')}
        </button>
      </nav>
    `;
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
    return html`<tr part="row">${drillColumnIds.map((id) => html`<td class=${`col-${id}`}>${this.renderCell(id, c)}</td>`)}</tr>`;
  }

  private renderCell(id: DrillColumnId, c: Conversation): unknown {
    const missing = () => html`<span class="missing">${this.t('drill.none')}</span>`;
    const text = (value: string | null) => value ?? missing();
    switch (id) {
      case 'subject': {
        const subject = textOf(c.subject);
        const name = textOf(c.contactName);
        const email = textOf(c.contactEmail);
        return html`<span class=${subject === null ? 'subject missing' : 'subject'}>${subject ?? this.t('drill.noSubject')}</span>
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
