import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { CSV_FIELDS, CsvDataSource, REQUIRED_CSV_FIELDS, type CsvField, type CsvLineError } from '../../adapters/csv-data-source.ts';
import { browserTimeZone } from '../../i18n/browser-time-zone.ts';
import { errorMessage } from '../../i18n/error-message.ts';
import { addCatalogPart, resolveLocale } from '../../i18n/translate.ts';
import { LocaleController } from '../../controllers/locale-controller.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { csvImportStyles } from './csv-import.styles.ts';
import { CsvLoadEvent } from '../../events/csv-load-event.ts';
import { csvImport } from '../../i18n/en/csv-import.ts';

/** Problems listed by line; the rest are counted. */
const SHOWN_PROBLEMS = 10;

/** The core's message for a time it cannot read (see core/schema/timestamp.ts). */
const TIME_MESSAGE = /epoch milliseconds or an ISO 8601 date-time with a zone/;
const FIELD_NAMES = new RegExp(`\\b(${CSV_FIELDS.join('|')})\\b`, 'g');

/**
 * "Load your CSV": the user picks a file, checks how its columns map to conversation fields (each
 * matched by its header, changeable with a `<select>` per field), sees the lines with problems,
 * and loads. Everything read from the file is shown as text.
 *
 * @summary Picks a CSV export and maps its columns to conversation fields.
 *
 * @fires csv-load - {CsvLoadEvent} Load was pressed; `detail.source` is a CsvDataSource to set as a dashboard's `dataSource`. Bubbles, composed.
 *
 * @csspart form - The whole form.
 * @csspart file - The file input.
 * @csspart mapping - The fieldset of field → column selects.
 * @csspart select - Each column `<select>`.
 * @csspart problems - The list of lines with problems.
 * @csspart status - The summary of the file (and of the load), announced politely.
 * @csspart error - Shown when the file cannot be read.
 * @csspart load-button - The Load button.
 *
 * @cssproperty --cr-csv-import-bg - Background. Defaults to `var(--cr-color-surface, #fff)`.
 * @cssproperty --cr-color-text - Text color.
 * @cssproperty --cr-color-muted - Hints.
 * @cssproperty --cr-color-border - Borders.
 * @cssproperty --cr-color-accent - The Load button.
 * @cssproperty --cr-color-danger - Errors and missing fields.
 * @cssproperty --cr-space - Base spacing unit (default `12px`).
 * @cssproperty --cr-radius - Corner radius (default `10px`).
 *
 * @property {string} locale - BCP 47 locale of the texts. Defaults to the browser's.
 * @property {string} timeZone - IANA zone for times written without one (attribute `time-zone`). Defaults to the browser's.
 * @property {CsvDataSource | null} source - The file read so far, with its current mapping (read-only).
 */
export class CsvImport extends LitElement {
  static override styles = [themeStyles, csvImportStyles];

  @property() locale = resolveLocale();
  @property({ attribute: 'time-zone' }) timeZone: string | undefined = browserTimeZone();

  #fileName = '';
  /** How many rows the last Load handed over (null until Load is pressed for this file and mapping). */
  #loadedRows: number | null = null;

  /** The file being read: a newer file drops what an older one gives. */
  readonly #reader = new Task(this, {
    autoRun: false,
    task: ([file, timeZone]: readonly [File, string | undefined]) => CsvDataSource.fromFile(file, timeZone ? { timeZone } : {}),
  });

  get source(): CsvDataSource | null {
    return this.#reader.status === TaskStatus.COMPLETE ? (this.#reader.value ?? null) : null;
  }

  readonly #i18n = new LocaleController(this, { locale: () => this.locale });

  #t(key: string, params: Record<string, string | number> = {}): string {
    return this.#i18n.t(key, params);
  }

  /** Also waits for the locale's catalog, so `await el.updateComplete` sees the texts in that language. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#i18n.updateComplete(super.getUpdateComplete());
  }

  /** Reads a file as if the user had chosen it (also for tests and hosts with their own picker). */
  async readFile(file: File): Promise<void> {
    this.#fileName = file.name;
    this.#loadedRows = null;
    await this.#reader.run([file, this.timeZone]);
  }

  #onFile(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void this.readFile(file);
  }

  #onColumn(field: CsvField, event: Event): void {
    const source = this.source;
    if (!source) return;
    const header = (event.target as HTMLSelectElement).value;
    source.mapping = { ...source.mapping, [field]: header === '' ? null : header };
    this.#loadedRows = null;
    // The source changed inside: the problems are read again.
    this.requestUpdate();
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    const source = this.source;
    if (!source || source.missingFields.length > 0) return;
    // Problems with a field are rows the kit will reject; rows that could not be read are not in rowCount.
    this.#loadedRows = source.rowCount - new Set(source.errors.filter((error) => error.field !== '').map((error) => error.line)).size;
    this.requestUpdate();
    this.dispatchEvent(new CsvLoadEvent({ source }));
  }

  #fieldLabel(field: CsvField): string {
    return this.#t(`property.${field}`);
  }

  #problem(error: CsvLineError): string {
    if (error.field === '') return this.#t('csvImport.problemRow', { line: error.line, message: this.#inLabels(error.message) });
    const field = CSV_FIELDS.includes(error.field as CsvField) ? this.#fieldLabel(error.field as CsvField) : error.field;
    // The core's "needs a zone" is untrue here: a zone-less time is read in the import's zone.
    const message = TIME_MESSAGE.test(error.message) ? this.#t('csvImport.badTime', { zone: this.#zone }) : this.#inLabels(error.message);
    return this.#t('csvImport.problem', { line: error.line, field, message });
  }

  /** A message from the core names fields as the data does ("createdAt"); the reader knows them by their labels. */
  #inLabels(message: string): string {
    return message.replace(FIELD_NAMES, (name) => this.#fieldLabel(name as CsvField).toLocaleLowerCase(this.locale));
  }

  get #zone(): string {
    return this.timeZone ?? 'UTC';
  }

  override render(): TemplateResult {
    const source = this.source;
    return html`
      <form part="form" @submit=${this.#onSubmit} novalidate>
        <h2>${this.#t('csvImport.title')}</h2>
        <div class="file">
          <label for="file">${this.#t('csvImport.choose')}</label>
          <input id="file" part="file" type="file" accept=".csv,text/csv,text/plain" aria-describedby="file-hint" @change=${this.#onFile} />
          <p class="hint" id="file-hint">${this.#t('csvImport.chooseHint')}</p>
        </div>
        <p class="status" part="status" role="status" aria-live="polite">${this.#status()}</p>
        ${this.#reader.status === TaskStatus.ERROR
          ? html`<p class="error" part="error" role="alert">${this.#t('csvImport.error', { message: errorMessage(this.#reader.error) })}</p>`
          : nothing}
        ${source ? this.#mapping(source) : nothing}
      </form>
    `;
  }

  #status(): string {
    if (this.#reader.status === TaskStatus.PENDING) return this.#t('csvImport.reading', { file: this.#fileName });
    const source = this.source;
    if (!source) return '';
    if (this.#loadedRows !== null) return this.#t('csvImport.loaded', { rows: this.#loadedRows });
    if (source.rowCount === 0 && source.errors.length === 0) return this.#t('csvImport.empty');
    return this.#t('csvImport.summary', { file: this.#fileName, rows: source.rowCount, columns: source.headers.length });
  }

  #mapping(source: CsvDataSource): TemplateResult {
    const mapping = source.mapping;
    const missing = source.missingFields;
    const errors = source.errors;
    const used = new Set(Object.values(mapping));
    const extra = source.headers.filter((header) => !used.has(header));
    return html`
      <fieldset part="mapping">
        <legend>${this.#t('csvImport.mapping')}</legend>
        <p class="hint">${this.#t('csvImport.mappingHint')}</p>
        <p class="hint" id="zone-hint">${this.#t('csvImport.zoneHint', { zone: this.#zone })}</p>
        <div class="fields">
          ${CSV_FIELDS.map((field) => {
            const required = REQUIRED_CSV_FIELDS.includes(field);
            const id = `field-${field}`;
            return html`
              <label for=${id}>
                ${this.#fieldLabel(field)}
                ${required ? html`<span class="required">(${this.#t('csvImport.required')})</span>` : nothing}
              </label>
              <select
                id=${id}
                part="select"
                data-field=${field}
                ?required=${required}
                aria-invalid=${required && mapping[field] === null ? 'true' : 'false'}
                aria-describedby=${field === 'id' ? 'id-hint' : nothing}
                @change=${(event: Event) => this.#onColumn(field, event)}
              >
                <option value="" ?selected=${mapping[field] === null}>${this.#t('csvImport.notInFile')}</option>
                ${source.headers.map((header) => html`<option .value=${header} ?selected=${mapping[field] === header}>${header}</option>`)}
              </select>
            `;
          })}
        </div>
        <p class="hint" id="id-hint">${this.#t('csvImport.idHint')}</p>
        ${extra.length > 0 ? html`<p class="hint">${this.#t('csvImport.extra', { columns: extra.join(', ') })}</p>` : nothing}
      </fieldset>
      ${missing.length > 0
        ? html`<p class="missing" id="missing">${this.#t('csvImport.missing', { fields: missing.map((field) => this.#fieldLabel(field)).join(', ') })}</p>`
        : nothing}
      ${errors.length > 0
        ? html`
            <p>${this.#t('csvImport.problems', { count: errors.length })}</p>
            <ul class="problems" part="problems">
              ${errors.slice(0, SHOWN_PROBLEMS).map((error) => html`<li>${this.#problem(error)}</li>`)}
              ${errors.length > SHOWN_PROBLEMS ? html`<li>${this.#t('csvImport.moreProblems', { count: errors.length - SHOWN_PROBLEMS })}</li>` : nothing}
            </ul>
          `
        : nothing}
      <button part="load-button" type="submit" ?disabled=${missing.length > 0} aria-describedby=${missing.length > 0 ? 'missing' : nothing}>
        ${this.#t('csvImport.load')}
      </button>
    `;
  }
}

// Its texts come with it: the English section is in this chunk, the others load for the languages in use.
addCatalogPart('csv-import', csvImport);
if (!customElements.get('csv-import')) customElements.define('csv-import', CsvImport);

declare global {
  interface HTMLElementTagNameMap {
    'csv-import': CsvImport;
  }
}
