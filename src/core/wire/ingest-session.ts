import { parseConversations, type ParseError } from './parse-conversations.ts';
import { IdIndex } from './id-index.ts';
import type { Conversation, Lookups, LookupsInput } from '../schema/conversation.ts';
import { TableBuilder, type ConversationTable } from '../table/table.ts';
import type { WirePage } from './wire-format.ts';
import type { CheckedArrowPage } from './arrow/arrow-table.ts';
import type { ArrowInput } from './arrow/read-arrow.ts';

/** What reads Arrow pages (`arrow-reading.ts`, with flechette). */
export type ArrowReading = typeof import('./arrow/arrow-reading.ts');
/** What reads pages in the older columnar wire format (`wire-reading.ts`). */
export type WireReading = typeof import('./wire-reading.ts');

/**
 * The readers of Arrow and columnar pages. Handed in rather than imported, so that the page's engine
 * can load each when the first such page arrives (pages of objects need neither); `ingest.ts` hands
 * both in at once. The object is read at each page: readers loaded later are seen.
 */
export interface PageReaders {
  arrow?: ArrowReading | null;
  wire?: WireReading | null;
}

function needArrow(readers: PageReaders): ArrowReading {
  if (readers.arrow) return readers.arrow;
  throw new Error('conversation-reports: an Arrow page came before Arrow reading was loaded (see ingest-session.ts)');
}

function needWire(readers: PageReaders): WireReading {
  if (readers.wire) return readers.wire;
  throw new Error('conversation-reports: a columnar page came before its reader was loaded (see ingest-session.ts)');
}

/** One page as a source hands it over: records to parse, Apache Arrow, or columns in the wire format. */
export type IngestPage = { conversations: unknown[] } | { arrow: ArrowInput } | { columns: WirePage['columns'] | ArrayBuffer; length?: number };

/** True for a page that holds Apache Arrow (`{ arrow }`). */
export function isArrowPage(page: unknown): page is { arrow: ArrowInput } {
  return typeof page === 'object' && page !== null && 'arrow' in page && (page as { arrow?: unknown }).arrow !== undefined;
}

export class MalformedPageError extends Error {
  override name = 'MalformedPageError';
  constructor(
    readonly page: number,
    detail: string,
  ) {
    super(`Page ${page} from the data source is malformed: ${detail}`);
  }
}

/** The records of a page, whatever its form (for progress): throws MalformedPageError on a non-page. */
export function countPageRecords(page: unknown, pageNumber: number, readers: PageReaders): number {
  if (page && typeof page === 'object') {
    if (Array.isArray((page as { conversations?: unknown }).conversations)) return (page as { conversations: unknown[] }).conversations.length;
    if (isArrowPage(page)) return needArrow(readers).arrowRowCount(page.arrow);
    const columns = (page as { columns?: unknown }).columns;
    if (columns instanceof ArrayBuffer) return decodeLength(columns, pageNumber, needWire(readers));
    if (columns && typeof columns === 'object') return needWire(readers).wirePageLength(page as WirePage);
  }
  throw new MalformedPageError(pageNumber, 'expected { conversations: [...] }, { arrow: … } or { columns: … }');
}

function decodeLength(buffer: ArrayBuffer, pageNumber: number, { isBinaryWirePage, wirePageLength, decodeWirePage }: WireReading): number {
  if (!isBinaryWirePage(buffer)) throw new MalformedPageError(pageNumber, 'its columns are an ArrayBuffer but not a binary columnar page');
  return wirePageLength(decodeWirePage(buffer));
}

/**
 * Turns pages into a table: object pages are validated by `parseConversations`, columnar pages by
 * the wire format's checks, both into one growing set of columns. Ids are unique across all pages.
 * Runs wherever the table will live: in the page for small data, in the engine Worker for large.
 */
export class PageIngest {
  /** Reads Arrow and columnar pages (see {@link PageReaders}). */
  readonly readers: PageReaders;
  readonly rejected: ParseError[] = [];
  /** Records seen so far, valid or not (positions of rejected records count from here). */
  received = 0;
  #pages = 0;
  readonly #expectedSize: number;
  // Made when first needed: a load of one Arrow page becomes the table without either, and
  // allocating them for a million rows up front costs more than reading the page.
  #builderMade: TableBuilder | null = null;
  #idsMade: IdIndex | null = null;
  /**
   * The first page, when it is Arrow: held as it is, so that a load of one Arrow page becomes the
   * table without a copy. Appended to the builder only if another page follows.
   */
  #held: CheckedArrowPage | null = null;

  constructor(expectedSize = 0, readers: PageReaders = {}) {
    this.readers = readers;
    this.#expectedSize = expectedSize;
  }

  get #builder(): TableBuilder {
    return (this.#builderMade ??= new TableBuilder(this.#expectedSize));
  }

  get #ids(): IdIndex {
    return (this.#idsMade ??= new IdIndex(this.#expectedSize));
  }

  /** Conversations kept so far. */
  get size(): number {
    return (this.#builderMade?.size ?? 0) + (this.#held?.kept ?? 0);
  }

  add(page: IngestPage): void {
    this.#pages++;
    if (isArrowPage(page)) {
      this.#addArrow(page.arrow);
      return;
    }
    this.#release();
    if (page && typeof page === 'object' && 'conversations' in page && Array.isArray(page.conversations)) {
      this.#addObjects(page.conversations);
      return;
    }
    const columns = page && typeof page === 'object' && 'columns' in page ? page.columns : undefined;
    if (columns === undefined || columns === null) throw new MalformedPageError(this.#pages, 'expected { conversations: [...] } or { columns: … }');
    const { appendWirePage, decodeWirePage, wirePageLength } = needWire(this.readers);
    const wire: WirePage = columns instanceof ArrayBuffer ? decodeWirePage(columns) : { columns, ...('length' in page && page.length !== undefined ? { length: page.length } : {}) };
    const length = wirePageLength(wire);
    const errors = appendWirePage(this.#builder, wire, this.#ids, this.received);
    for (const error of errors) this.rejected.push(error);
    this.received += length;
  }

  #addArrow(input: ArrowInput): void {
    const { readArrowPage, checkArrowPage, appendArrowPage } = needArrow(this.readers);
    const page = readArrowPage(input);
    this.#release();
    const first = this.#pages === 1;
    let checked: CheckedArrowPage;
    if (first) checked = checkArrowPage(page, null, 0, () => null, this.received);
    else {
      const builder = this.#builder;
      checked = checkArrowPage(page, this.#ids, builder.size, (j) => builder.texts.id.at(j), this.received);
    }
    for (const error of checked.errors) this.rejected.push(error);
    this.received += page.length;
    if (first) this.#held = checked;
    else appendArrowPage(this.#builder, checked);
  }

  /** Moves a held Arrow page into the builder (another page came), its ids into the index. */
  #release(): void {
    if (!this.#held) return;
    const { appendArrowPage, registerArrowIds } = needArrow(this.readers);
    const builder = this.#builder;
    const start = builder.size;
    appendArrowPage(builder, this.#held);
    this.#ids.read = (j) => builder.texts.id.at(j);
    registerArrowIds(this.#held, this.#ids, start);
    this.#held = null;
  }

  /** Records parsed one by one; duplicates within the page by parseConversations, across pages here. */
  #addObjects(records: unknown[]): void {
    const parsed = parseConversations(records, new Set());
    const builder = this.#builder;
    const ids = this.#ids;
    const start = builder.size;
    const kept: Conversation[] = [];
    const errors = parsed.errors.map((error) => ({ ...error, index: error.index + this.received }));
    ids.read = (j) => (j < start ? builder.texts.id.at(j) : kept[j - start]!.id);
    // parseConversations drops invalid records, so the kept ones map back to input positions in order.
    let position = 0;
    const failed = new Set(parsed.errors.map((error) => error.index));
    for (const conversation of parsed.conversations) {
      while (failed.has(position)) position++;
      const id = conversation.id;
      if (ids.find(id, 0, id.length) >= 0) {
        const problem = { field: 'id', message: `duplicates the id of an earlier record ("${id}")` };
        errors.push({ index: position + this.received, id, ...problem, problems: [problem] });
      } else {
        ids.add(id, 0, id.length, start + kept.length);
        kept.push(conversation);
      }
      position++;
    }
    builder.addConversations(kept);
    errors.sort((a, b) => a.index - b.index);
    for (const error of errors) this.rejected.push(error);
    this.received += records.length;
  }

  finish(lookups?: Lookups | LookupsInput): ConversationTable {
    if (this.#held) return needArrow(this.readers).tableFromArrowPage(this.#held, lookups);
    return this.#builder.build(lookups);
  }
}
