import Papa from 'papaparse';
import { parseConversations } from '../core/wire/parse-conversations.ts';
import type { Lookups, PropertyValue } from '../core/schema/conversation.ts';
import { CSV_FIELDS, REQUIRED_CSV_FIELDS, suggestCsvMapping, type CsvColumnMapping, type CsvField } from './csv/csv-mapping.ts';
import { columnType, propertyCell, requiredCell, textCell, timeCell, type ColumnType } from './csv/csv-values.ts';
import { throwIfAborted, type DataPage, type DataSource, type LoadRequest } from './data-source.ts';
import { HttpRequestError } from './errors.ts';
import { requestJson, resolveHttpOptions, type HttpOptions } from './request-json.ts';
import { resolveLookups, type LookupsOption } from './resolve-lookups.ts';

export { CSV_FIELDS, REQUIRED_CSV_FIELDS, suggestCsvMapping, type CsvColumnMapping, type CsvField } from './csv/csv-mapping.ts';

/** A problem with one line of the file: a broken row, or a value the kit's parser rejects. */
export interface CsvLineError {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  /** The Conversation field ("createdAt", "properties.plan"), or '' for the row itself. */
  field: string;
  /** The column the field came from, when there is one. */
  column?: string;
  message: string;
  /** The row's id, when it has one. */
  id?: string;
}

export interface CsvDataSourceOptions {
  /** Overrides of the suggested mapping: field → header (null to leave a field empty). */
  mapping?: Partial<CsvColumnMapping>;
  /** Default: detected (comma, semicolon, tab, pipe). */
  delimiter?: string;
  /** IANA zone for date-times written without one ("2026-03-01 14:22"). Without it such cells are rejected. */
  timeZone?: string;
  /** Columns no field uses: custom properties (`properties.<header>`, typed per column) or dropped. Default 'properties'. */
  extraColumns?: 'properties' | 'ignore';
  /** Records per page. Default 5000. */
  pageSize?: number;
  /** Names for assignee, inbox and chatflow ids. */
  lookups?: LookupsOption;
}

export interface CsvFileOptions extends CsvDataSourceOptions {
  /** Character encoding of the file. Default 'utf-8'. */
  encoding?: string;
}

export interface CsvUrlOptions extends CsvFileOptions, HttpOptions {
  headers?: HeadersInit | (() => HeadersInit | undefined | Promise<HeadersInit | undefined>);
  signal?: AbortSignal;
}

interface Row {
  line: number;
  cells: string[];
}

/** The file as rows, with the line each starts on; broken rows are reported and set aside. */
function readRows(text: string, delimiter: string | undefined): { headers: string[]; rows: Row[]; problems: CsvLineError[] } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Detection on a preview: papaparse cannot detect while stepping through rows.
  const detected = delimiter ?? Papa.parse<string[]>(source, { preview: 20, skipEmptyLines: true }).meta.delimiter ?? ',';
  const rows: Row[] = [];
  const problems: CsvLineError[] = [];
  let header: Row | null = null;
  let position = 0;
  let line = 1;
  const advanceTo = (target: number): void => {
    for (; position < target; position++) {
      const code = source.charCodeAt(position);
      if (code === 10 || (code === 13 && source.charCodeAt(position + 1) !== 10)) line++;
    }
  };
  let rowStart = 0;
  Papa.parse<string[]>(source, {
    delimiter: detected,
    skipEmptyLines: true,
    step: (result) => {
      // Empty lines are skipped by the parser: the row starts after them.
      let start = rowStart;
      while (start < source.length && (source[start] === '\n' || source[start] === '\r')) start++;
      advanceTo(start);
      const row: Row = { line, cells: result.data };
      rowStart = result.meta.cursor;
      if (result.errors.length > 0) {
        problems.push({ line: row.line, field: '', message: `the row cannot be read: ${result.errors[0]!.message.toLowerCase()}` });
        return;
      }
      if (header === null) header = row;
      else rows.push(row);
    },
  });
  const names: string[] = [];
  const taken = new Set<string>();
  for (const [index, raw] of ((header as Row | null)?.cells ?? []).entries()) {
    let name = raw.trim() || `Column ${index + 1}`;
    // Duplicate headers get a suffix, so every column can be chosen by name.
    for (let n = 2; taken.has(name); n++) name = `${raw.trim() || `Column ${index + 1}`} (${n})`;
    taken.add(name);
    names.push(name);
  }
  const good: Row[] = [];
  for (const row of rows) {
    const extra = row.cells.slice(names.length);
    if (row.cells.length < names.length || extra.some((cell) => cell.trim() !== '')) {
      problems.push({ line: row.line, field: '', message: `has ${row.cells.length} fields where the header has ${names.length}` });
      continue;
    }
    good.push(row);
  }
  return { headers: names, rows: good, problems };
}

/**
 * A CSV export as a data source: from a File the user chose, a URL, or text, parsed with papaparse.
 * Columns map to Conversation fields by header name (`suggestedMapping`); change `mapping` before
 * loading. Columns no field uses become custom properties.
 *
 * Every row that can be read becomes one record in file order: the good ones are kept, and the kit's
 * parser reports the rest as rejected records. `errors` lists every problem with its line (rows
 * that cannot be read at all are left out and listed there too), and `lineOf(i)` gives the line of
 * the i-th record, the index of a rejected record.
 *
 * @example
 * ```ts
 * const source = await CsvDataSource.fromFile(input.files[0], { timeZone: 'Europe/Amsterdam' });
 * source.mapping = { ...source.mapping, assigneeId: 'Agent e-mail' };
 * if (source.missingFields.length === 0) dashboard.dataSource = source;
 * ```
 */
export class CsvDataSource implements DataSource {
  readonly headers: readonly string[];
  readonly suggestedMapping: Readonly<CsvColumnMapping>;
  readonly #rows: Row[];
  readonly #readProblems: CsvLineError[];
  readonly #options: CsvDataSourceOptions;
  readonly #pageSize: number;
  #mapping: CsvColumnMapping;
  #built: { records: Record<string, unknown>[]; errors: CsvLineError[] } | null = null;

  /** Parses `text` at once; see also `fromFile` and `fromUrl`. */
  constructor(text: string, options: CsvDataSourceOptions = {}) {
    if (typeof text !== 'string') throw new TypeError('CsvDataSource needs the text of a CSV file.');
    const pageSize = options.pageSize ?? 5000;
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a whole number ≥ 1, got ${pageSize}`);
    if (options.timeZone !== undefined) new Intl.DateTimeFormat('en', { timeZone: options.timeZone });
    this.#options = options;
    this.#pageSize = pageSize;
    const { headers, rows, problems } = readRows(text, options.delimiter);
    this.headers = Object.freeze(headers);
    this.#rows = rows;
    this.#readProblems = problems;
    this.suggestedMapping = Object.freeze(suggestCsvMapping(headers));
    this.#mapping = { ...this.suggestedMapping };
    this.mapping = { ...this.suggestedMapping, ...options.mapping };
  }

  static fromText(text: string, options?: CsvDataSourceOptions): CsvDataSource {
    return new CsvDataSource(text, options);
  }

  static async fromFile(file: Blob, options: CsvFileOptions = {}): Promise<CsvDataSource> {
    const bytes = await file.arrayBuffer();
    return new CsvDataSource(new TextDecoder(options.encoding ?? 'utf-8').decode(bytes), options);
  }

  /** Fetches the file (with the same timeout and retries as the other HTTP sources) and parses it. */
  static async fromUrl(url: string | URL, options: CsvUrlOptions = {}): Promise<CsvDataSource> {
    const { headers } = options;
    const target = new URL(url, typeof location === 'undefined' ? undefined : location.href);
    try {
      const { body } = await requestJson(
        { url: target, responseType: 'bytes', ...(headers === undefined ? {} : { headers: () => (typeof headers === 'function' ? headers() : headers) }) },
        resolveHttpOptions(options),
        options.signal ?? new AbortController().signal,
      );
      return new CsvDataSource(new TextDecoder(options.encoding ?? 'utf-8').decode(body as ArrayBuffer), options);
    } catch (error) {
      if (error instanceof HttpRequestError) throw new Error(`The CSV file could not be loaded: ${error.message}`, { cause: error });
      throw error;
    }
  }

  /** The current field → header mapping. Assign a new one (any field left out keeps no column). */
  get mapping(): CsvColumnMapping {
    return { ...this.#mapping };
  }

  set mapping(mapping: Partial<CsvColumnMapping>) {
    const next = Object.fromEntries(CSV_FIELDS.map((field) => [field, null])) as CsvColumnMapping;
    for (const field of CSV_FIELDS) {
      const header = mapping[field];
      if (header === null || header === undefined || header === '') continue;
      if (!this.headers.includes(header)) throw new RangeError(`"${header}" is not a column of this file.`);
      next[field] = header;
    }
    this.#mapping = next;
    this.#built = null;
  }

  /** Required fields that no column fills yet; loading before they are mapped rejects every row. */
  get missingFields(): CsvField[] {
    return REQUIRED_CSV_FIELDS.filter((field) => this.#mapping[field] === null);
  }

  /** Rows that can be read (the header not counted). */
  get rowCount(): number {
    return this.#rows.length;
  }

  /** Every problem with the current mapping, by line. */
  get errors(): CsvLineError[] {
    return this.#build().errors.map((error) => ({ ...error }));
  }

  /** The line of the file where record `index` (as loaded, and as in the kit's rejected records) starts. */
  lineOf(index: number): number | undefined {
    return this.#rows[index]?.line;
  }

  /** The records a load hands over, one per readable row, in file order. */
  records(): Record<string, unknown>[] {
    return this.#build().records.map((record) => ({ ...record }));
  }

  async *load({ signal }: LoadRequest): AsyncGenerator<DataPage, void, undefined> {
    throwIfAborted(signal);
    const { records } = this.#build();
    for (let start = 0; start < records.length; start += this.#pageSize) {
      if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      throwIfAborted(signal);
      yield { conversations: records.slice(start, start + this.#pageSize), total: records.length };
    }
  }

  async lookups(signal: AbortSignal): Promise<Lookups> {
    return resolveLookups(this.#options.lookups, signal);
  }

  #build(): { records: Record<string, unknown>[]; errors: CsvLineError[] } {
    if (this.#built) return this.#built;
    const mapping = this.#mapping;
    const column = (field: CsvField): number => (mapping[field] === null ? -1 : this.headers.indexOf(mapping[field]!));
    const at = Object.fromEntries(CSV_FIELDS.map((field) => [field, column(field)])) as Record<CsvField, number>;
    const used = new Set(Object.values(at));
    const extras: { name: string; index: number; type: ColumnType }[] =
      this.#options.extraColumns === 'ignore'
        ? []
        : this.headers.flatMap((name, index) => (used.has(index) ? [] : [{ name, index, type: columnType(this.#rows.map((row) => row.cells[index])) }]));
    const timeZone = this.#options.timeZone;
    const records = this.#rows.map((row): Record<string, unknown> => {
      const cell = (field: CsvField): string | undefined => (at[field] < 0 ? undefined : row.cells[at[field]]);
      const properties: Record<string, PropertyValue> = Object.create(null);
      for (const extra of extras) {
        const value = propertyCell(row.cells[extra.index], extra.type);
        if (value !== null) properties[extra.name] = value;
      }
      const time = (field: CsvField) => (at[field] < 0 ? null : timeCell(cell(field) ?? '', timeZone));
      return {
        id: at.id < 0 ? `line-${row.line}` : requiredCell(cell('id')),
        channel: requiredCell(cell('channel'), true),
        status: requiredCell(cell('status'), true),
        inboxId: requiredCell(cell('inboxId')),
        assigneeId: textCell(cell('assigneeId')),
        createdAt: time('createdAt') ?? undefined,
        firstResponseAt: time('firstResponseAt'),
        closedAt: time('closedAt'),
        chatflowId: textCell(cell('chatflowId')),
        pageUrl: textCell(cell('pageUrl')),
        ticketId: textCell(cell('ticketId')),
        subject: textCell(cell('subject')),
        contactName: textCell(cell('contactName')),
        contactEmail: textCell(cell('contactEmail')),
        properties,
      };
    });
    const { errors: parseErrors } = parseConversations(records);
    const errors: CsvLineError[] = [...this.#readProblems];
    for (const error of parseErrors) {
      for (const problem of error.problems) {
        const field = problem.field;
        const header = CSV_FIELDS.includes(field as CsvField) ? mapping[field as CsvField] : field.startsWith('properties.') ? field.slice(11) : null;
        errors.push({
          line: this.#rows[error.index]!.line,
          field,
          ...(header ? { column: header } : {}),
          message: problem.message,
          ...(error.id === undefined ? {} : { id: error.id }),
        });
      }
    }
    errors.sort((a, b) => a.line - b.line);
    this.#built = { records, errors };
    return this.#built;
  }
}
