import { parseConversations, type ParseError } from './parse-conversations.ts';
import { IdIndex } from './id-index.ts';
import type { Conversation, Lookups, LookupsInput } from './schema/conversation.ts';
import { TableBuilder, type ConversationTable } from './table.ts';
import { appendWirePage, decodeWirePage, isBinaryWirePage, wirePageLength, type WirePage } from './wire-format.ts';

/** One page as a source hands it over: records to parse, or columns in the wire format. */
export type IngestPage = { conversations: unknown[] } | { columns: WirePage['columns'] | ArrayBuffer; length?: number };

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
export function pageRecordCount(page: unknown, pageNumber: number): number {
  if (page && typeof page === 'object') {
    if (Array.isArray((page as { conversations?: unknown }).conversations)) return (page as { conversations: unknown[] }).conversations.length;
    const columns = (page as { columns?: unknown }).columns;
    if (columns instanceof ArrayBuffer) return decodeLength(columns, pageNumber);
    if (columns && typeof columns === 'object') return wirePageLength(page as WirePage);
  }
  throw new MalformedPageError(pageNumber, 'expected { conversations: [...] } or { columns: … }');
}

function decodeLength(buffer: ArrayBuffer, pageNumber: number): number {
  if (!isBinaryWirePage(buffer)) throw new MalformedPageError(pageNumber, 'its columns are an ArrayBuffer but not a binary columnar page');
  return wirePageLength(decodeWirePage(buffer));
}

/**
 * Turns pages into a table: object pages are validated by `parseConversations`, columnar pages by
 * the wire format's checks, both into one growing set of columns. Ids are unique across all pages.
 * Runs wherever the table will live: in the page for small data, in the engine Worker for large.
 */
export class IngestSession {
  readonly rejected: ParseError[] = [];
  /** Records seen so far, valid or not (positions of rejected records count from here). */
  received = 0;
  #pages = 0;
  readonly #builder: TableBuilder;
  readonly #ids: IdIndex;

  constructor(expectedSize = 0) {
    this.#builder = new TableBuilder(expectedSize);
    this.#ids = new IdIndex(expectedSize);
  }

  /** Conversations kept so far. */
  get size(): number {
    return this.#builder.size;
  }

  add(page: IngestPage): void {
    this.#pages++;
    if (page && typeof page === 'object' && 'conversations' in page && Array.isArray(page.conversations)) {
      this.#addObjects(page.conversations);
      return;
    }
    const columns = page && typeof page === 'object' && 'columns' in page ? page.columns : undefined;
    if (columns === undefined || columns === null) throw new MalformedPageError(this.#pages, 'expected { conversations: [...] } or { columns: … }');
    const wire: WirePage = columns instanceof ArrayBuffer ? decodeWirePage(columns) : { columns, ...('length' in page && page.length !== undefined ? { length: page.length } : {}) };
    const length = wirePageLength(wire);
    const errors = appendWirePage(this.#builder, wire, this.#ids, this.received);
    for (const error of errors) this.rejected.push(error);
    this.received += length;
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
    return this.#builder.build(lookups);
  }
}
