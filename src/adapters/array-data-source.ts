import { resolveLookups } from './resolve-lookups.ts';
import type { Conversation, Lookups, LookupsInput } from '../core/schema/conversation.ts';
import { encodeWirePage, toWirePage } from '../core/wire/wire-encode.ts';
import { throwIfAborted, type ArrowDataPage, type ColumnarDataPage, type DataPage, type DataSource, type LoadRequest } from './data-source.ts';

/**
 * How pages go out: `objects` (the records themselves, the default), `arrow` (Apache Arrow IPC
 * bytes, as a server would send them), `columns` (the columnar wire format with typed arrays) or
 * `binary` (the same packed in one ArrayBuffer per page).
 */
export type ArrayPageFormat = 'objects' | 'arrow' | 'columns' | 'binary';

export interface ArrayDataSourceOptions<F extends ArrayPageFormat = ArrayPageFormat> {
  /** Names for assignee, inbox and chatflow ids. Missing lists resolve to empty ones. */
  lookups?: LookupsInput;
  /** Records per page. Default 5000. */
  pageSize?: number;
  /**
   * Page format. The columnar ones need records in the normalized shape (`Conversation`: times as
   * epoch ms or ISO strings with a zone); a value a column cannot hold fails the load with a
   * `WireFormatError` naming the column. Faults the kit checks per record (a close before the
   * creation, a duplicate id…) are still reported per record. Default `objects`.
   */
  format?: F;
}

type PageOf<F extends ArrayPageFormat> = F extends 'objects' ? DataPage : F extends 'arrow' ? ArrowDataPage : ColumnarDataPage;

const DEFAULT_PAGE_SIZE = 5000;

/**
 * The in-memory data source: records you already hold (raw from an API or export, or already
 * normalized), handed to the kit in pages.
 *
 * Records are passed through untouched; the kit parses and validates them, so a bad record is
 * reported rather than thrown here. Every load hands over all records whatever the range (the
 * core filters exactly), in their original order, `pageSize` at a time, with `total` set to the
 * number of records so a progress bar can fill. An empty array yields no pages.
 *
 * Between pages the load gives the event loop a turn, so a page stays responsive while a million
 * records stream in, and the signal is checked before every page: once it is aborted no further
 * page is produced and the iteration rejects with the signal's reason (an `AbortError` by default).
 *
 * The array is copied when the source is made: later changes to it do not reach a running or a
 * later load. Make a new source to show new data.
 *
 * @example
 * ```ts
 * const source = new ArrayDataSource(records, { lookups: { assignees: [{ id: 'u1', name: 'Camille' }] } });
 * dashboard.dataSource = source;
 * ```
 */
export class ArrayDataSource<F extends ArrayPageFormat = 'objects'> implements DataSource {
  readonly #records: readonly unknown[];
  readonly #lookupsInput: LookupsInput | undefined;
  readonly #pageSize: number;
  readonly #format: ArrayPageFormat;

  constructor(records: unknown[], options: ArrayDataSourceOptions<F> = {}) {
    if (!Array.isArray(records)) throw new TypeError('ArrayDataSource needs an array of records.');
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1)
      throw new RangeError(`pageSize must be a whole number ≥ 1, got ${pageSize}`);
    this.#records = records.slice();
    this.#lookupsInput = options.lookups;
    this.#pageSize = pageSize;
    const format = options.format ?? 'objects';
    if (format !== 'objects' && format !== 'arrow' && format !== 'columns' && format !== 'binary')
      throw new RangeError(`format must be "objects", "arrow", "columns" or "binary", got ${String(format)}`);
    this.#format = format;
  }

  async *load({ signal }: LoadRequest): AsyncGenerator<PageOf<F>, void, undefined> {
    const records = this.#records;
    const pageSize = this.#pageSize;
    const format = this.#format;
    const total = records.length;
    for (let start = 0; start < total; start += pageSize) {
      if (start > 0) await nextTurn();
      throwIfAborted(signal);
      const slice = records.slice(start, start + pageSize);
      if (format === 'objects') {
        yield { conversations: slice, total } as PageOf<F>;
        continue;
      }
      if (format === 'arrow') {
        // The writer loads only for this format, so the kit's entry does not carry it.
        const { toArrowIPC } = await import('../core/wire/arrow/to-arrow-ipc.ts');
        yield { arrow: toArrowIPC(slice as Conversation[]), total } as PageOf<F>;
        continue;
      }
      const page = toWirePage(slice as Partial<Conversation>[]);
      yield (format === 'binary' ? { columns: encodeWirePage(page), total } : { ...page, total }) as PageOf<F>;
    }
  }

  lookups(signal: AbortSignal): Promise<Lookups> {
    // Copies, so a caller that edits the lists cannot change what the next caller gets; teams included.
    return resolveLookups(this.#lookupsInput, signal);
  }
}

/** A macrotask, not a microtask: only a macrotask lets the browser paint and handle input. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
