import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Conversation, DrillPage, Lookups, ReportSpec } from '../../core/index.ts';
import { csvFileName } from '../../core/export/csv.ts';
import { LocaleController } from '../../controllers/locale-controller.ts';
import { ModalDialogController } from '../../controllers/modal-dialog-controller.ts';
import { DrillCloseEvent } from '../../events/drill-close-event.ts';
import { browserTimeZone } from '../../i18n/browser-time-zone.ts';
import { errorMessage } from '../../i18n/error-message.ts';
import { formatNumber } from '../../i18n/format.ts';
import { addCatalogPart, resolveLocale } from '../../i18n/translate.ts';
import { renderDrillCell, type DrillCellView } from './drill-cells.ts';
import { defaultDrillColumns, drillColumnIds, lookupNames, type DrillColumnId, type LookupNames } from './drill-columns.ts';
import { DrillViewController, type DrillPageLoader } from './drill-view-controller.ts';
import { downloadFile } from '../shared/download-file.ts';
import { dialogShellStyles } from '../shared/dialog.styles.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { drillDialogStyles } from './drill-dialog.styles.ts';
import { drillDialog } from '../../i18n/en/drill-dialog.ts';

export { DRILL_EXPORT_PAGE_SIZE, DRILL_PAGE_SIZE, type DrillPageLoader } from './drill-view-controller.ts';

// Revoking the object URL in the same task as the click can cancel the download before the browser
// has read the blob.
const REVOKE_DELAY_MS = 1_000;

/** A mistyped `time-zone` attribute shows UTC times rather than breaking the dialog. */
function dateTimeFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  }
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

  readonly #i18n = new LocaleController(this, { locale: () => this.locale, timeZone: () => this.timeZone });
  #names: LookupNames = lookupNames(null);
  readonly #view = new DrillViewController(this, {
    conversations: () => this.conversations,
    loadPage: () => this.loadPage,
    page: () => this.page,
    setPage: (page) => (this.page = page),
    names: () => this.#names,
    language: () => this.#i18n.locale,
  });
  readonly #modal = new ModalDialogController(
    this,
    () => this.shadowRoot?.querySelector('dialog') ?? null,
    () => {
      this.open = false;
    },
  );

  #dateFormat: Intl.DateTimeFormat = dateTimeFormat('en', 'UTC');
  #dateFormatKey = '';

  /** Opens the dialog, modal; resolves once it is shown. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
  }

  /** Closes the dialog; resolves after the `close` event has fired and focus has gone back. */
  async hide(): Promise<void> {
    if (this.#modal.isOpen) await this.#modal.close();
    this.open = false;
    await this.updateComplete;
  }

  /** The CSV that "Export CSV" downloads for `conversations`: every conversation in the current order and search, full text. */
  toCsv(): string {
    return this.#view.csvOfRows();
  }

  /** The CSV of every conversation in the current order and search: through `loadPage` page by page, else `toCsv()`. */
  exportCsvText(signal: AbortSignal = new AbortController().signal): Promise<string> {
    return this.#view.csv(signal);
  }

  /** Also waits for the locale's catalog, so `await el.updateComplete` sees the texts in that language. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#i18n.updateComplete(super.getUpdateComplete());
  }

  protected override willUpdate(changed: PropertyValues): void {
    const { locale, timeZone } = this.#i18n;
    if (`${locale} ${timeZone}` !== this.#dateFormatKey) {
      this.#dateFormatKey = `${locale} ${timeZone}`;
      this.#dateFormat = dateTimeFormat(locale, timeZone);
    }
    if (changed.has('lookups')) this.#names = lookupNames(this.lookups);
    // Whichever the host gave last: conversations given alone replace an earlier loader.
    if (changed.has('conversations') && !changed.has('loadPage') && this.loadPage) {
      this.loadPage = null;
      this.page = null;
    }
    if (changed.has('conversations') || changed.has('loadPage')) this.#view.firstPage();
    if (changed.has('loadPage') && this.loadPage) this.page = null;
  }

  protected override updated(changed: PropertyValues): void {
    // Not connected, or opened non-modally by someone else: nothing is shown, so say so.
    if (changed.has('open') && this.#modal.sync(this.open) === 'refused') this.open = false;
  }

  /** The native close: Escape, the close button, `hide()` or `open = false` all end here. */
  readonly #onDialogClose = (): void => {
    this.#modal.handleClose();
    this.dispatchEvent(new DrillCloseEvent());
  };

  #goTo(page: number): void {
    this.#view.goTo(page);
    this.renderRoot.querySelector('.scroller')?.scrollTo?.({ top: 0 });
  }

  #download(text: string): void {
    // Inside the modal dialog: everything outside it is inert while it is open.
    downloadFile(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }), csvFileName(this.#pointTitle()), {
      parent: this.shadowRoot?.querySelector('dialog') ?? this.renderRoot,
      revokeDelayMs: REVOKE_DELAY_MS,
    });
  }

  #t(key: string, params?: Record<string, string | number>): string {
    return this.#i18n.t(key, params);
  }

  /** What the dialog is about, without the count. */
  #pointTitle(): string {
    return this.heading || this.spec?.title || '';
  }

  #headingText(): string {
    const title = this.#pointTitle();
    const count = this.#view.total();
    return title ? this.#t('drill.heading', { title, count }) : this.#t('common.conversations', { count });
  }

  protected override render(): TemplateResult {
    const heading = this.#headingText();
    let body: TemplateResult;
    try {
      body = this.#renderBody(heading);
    } catch (error) {
      // A host that hands over malformed records gets a readable message, not a blank dialog.
      body = html`<p part="error" role="alert" class="error">
        ${this.#t('drill.error', { message: errorMessage(error) })}
      </p>`;
    }
    return html`
      <dialog part="dialog" aria-labelledby="heading" @close=${this.#onDialogClose}>
        <header class="header">
          <h2 part="heading" id="heading">${heading}</h2>
          <div class="actions">
            <button part="export-button" type="button" ?disabled=${this.#view.exporting} @click=${() => void this.#view.export((text) => this.#download(text))}>${this.#t('drill.exportCsv')}</button>
            <button part="close-button" type="button" autofocus @click=${() => void this.hide()}>
              ${this.#t('drill.close')}
            </button>
          </div>
        </header>
        <label class="search">
          <span>${this.#t('drill.search')}</span>
          <input part="search" type="search" .value=${this.#view.search} @input=${(event: Event) => this.#view.setSearch((event.target as HTMLInputElement).value)} />
        </label>
        ${this.#renderColumnChooser()}
        ${body}
      </dialog>
    `;
  }

  #renderBody(heading: string): TemplateResult {
    const failed = this.#view.pageError;
    if (failed) throw failed.error;
    const { start, end, total, rows } = this.#view.window();
    const columns = this.#shownColumns();
    const number = (value: number) => formatNumber(value, this.#i18n.locale);
    return html`
      <div class="scroller" tabindex="0" role="region" aria-labelledby="caption">
        <table part="table">
          <caption id="caption" class="visually-hidden">${this.#t('drill.caption', { title: heading })}</caption>
          <thead>
            <tr>${columns.map((id) => this.#renderHeader(id))}</tr>
          </thead>
          <tbody>
            ${rows.length > 0
              ? rows.map((c) => this.#renderRow(c, columns))
              : html`<tr><td class="empty" colspan=${columns.length}>${this.#t('drill.empty')}</td></tr>`}
          </tbody>
        </table>
      </div>
      <nav part="pagination" class="pagination" aria-label=${this.#t('drill.pagination')}>
        <button type="button" ?disabled=${start === 0} @click=${() => this.#goTo(this.#view.pageIndex - 1)}>
          ${this.#t('drill.previous')}
        </button>
        <span class="range" aria-live="polite">
          ${this.#t('drill.range', { from: number(total === 0 ? 0 : start + 1), to: number(end), total: number(total) })}
        </span>
        <button type="button" ?disabled=${end >= total} @click=${() => this.#goTo(this.#view.pageIndex + 1)}>
          ${this.#t('drill.next')}
        </button>
      </nav>
    `;
  }

  /** The chosen columns in table order; unknown names (from a host) are left out, and never none. */
  #shownColumns(): DrillColumnId[] {
    const chosen = new Set(Array.isArray(this.columns) ? this.columns : defaultDrillColumns);
    const shown = drillColumnIds.filter((id) => chosen.has(id));
    return shown.length > 0 ? shown : ['subject'];
  }

  #toggleColumn(id: DrillColumnId, on: boolean): void {
    const chosen = new Set(this.#shownColumns());
    if (on) chosen.add(id);
    else chosen.delete(id);
    this.columns = drillColumnIds.filter((column) => chosen.has(column));
  }

  /** The Columns chooser: one labelled checkbox per column, in a disclosure. */
  #renderColumnChooser(): TemplateResult {
    const shown = new Set(this.#shownColumns());
    return html`<details part="columns" class="columns">
      <summary>${this.#t('drill.columns')}</summary>
      <fieldset>
        <legend class="visually-hidden">${this.#t('drill.columns')}</legend>
        ${drillColumnIds.map(
          (id) => html`<label
            ><input
              type="checkbox"
              data-column=${id}
              .checked=${shown.has(id)}
              ?disabled=${shown.size === 1 && shown.has(id)}
              @change=${(event: Event) => this.#toggleColumn(id, (event.target as HTMLInputElement).checked)}
            />${this.#t(`drill.column.${id}`)}</label
          >`,
        )}
      </fieldset>
    </details>`;
  }

  #renderHeader(id: DrillColumnId): TemplateResult {
    const sorted = this.#view.sortColumn === id;
    const ascending = this.#view.sortDirection === 'asc';
    return html`<th scope="col" class=${`col-${id}`} aria-sort=${sorted ? (ascending ? 'ascending' : 'descending') : nothing}>
      <button type="button" class="sort" data-column=${id} @click=${() => this.#view.sortBy(id)}>
        <span>${this.#t(`drill.column.${id}`)}</span>
        <span class="sort-icon" aria-hidden="true">${sorted ? (ascending ? '▲' : '▼') : '↕'}</span>
      </button>
    </th>`;
  }

  #renderRow(c: Conversation, columns: readonly DrillColumnId[]): TemplateResult {
    const view: DrillCellView = {
      t: (key, params) => this.#t(key, params),
      names: this.#names,
      language: this.#i18n.locale,
      dateFormat: this.#dateFormat,
      conversationUrl: this.conversationUrl,
    };
    return html`<tr part="row">${columns.map((id) => html`<td class=${`col-${id}`}>${renderDrillCell(id, c, view)}</td>`)}</tr>`;
  }
}

// Its texts come with it: the English section is in this chunk, the others load for the languages in use.
addCatalogPart('drill-dialog', drillDialog);
if (!customElements.get('drill-dialog')) customElements.define('drill-dialog', DrillDialog);

declare global {
  interface HTMLElementTagNameMap {
    'drill-dialog': DrillDialog;
  }
}
