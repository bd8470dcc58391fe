import type { Conversation, Lookups, LookupsInput } from '../core/schema/conversation.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import type { DrillPageRequest } from '../core/schema/drill-page.ts';
import type { DateRange, DrillPage, DrillPoint, ReportContext, ReportResult } from '../core/types.ts';
import type { WireColumns } from '../core/wire/wire-format.ts';
import type { ArrowInput } from '../core/wire/arrow/read-arrow.ts';

export interface LoadRequest {
  range: DateRange;
  signal: AbortSignal;
}

/**
 * What a source that reads in steps is doing, for the progress text ("Reading messages: 1,240 of
 * 3,000 conversations · waiting for HubSpot's rate limit"). `listing`: `done` conversations found
 * so far; `reading`: the details of `done` of `of` conversations read. `waiting` names what holds
 * the source when it is not its own work.
 */
export interface LoadActivity {
  step: 'listing' | 'reading';
  done: number;
  of: number | null;
  waiting: 'rate-limit' | null;
  /** Whose limit it is, as the progress text names it ("HubSpot"). */
  service?: string;
}

/**
 * One page of raw records; `total` (all pages together) feeds a progress bar. A page may carry no
 * records and only `activity`, to say what the source is doing.
 */
export interface DataPage {
  conversations: unknown[];
  total?: number;
  activity?: LoadActivity;
}

/**
 * One page in the columnar wire format (see `core/wire/wire-format.ts`): typed-array or plain-array
 * columns with dictionaries, or the binary form as one ArrayBuffer. Far cheaper than objects for
 * large loads: no JSON of a million objects to parse, and the buffers move to the engine Worker
 * without a copy. `length` is taken from the `id` column when absent.
 */
export interface ColumnarDataPage {
  columns: WireColumns | ArrayBuffer;
  length?: number;
  total?: number;
}

/**
 * One page of Apache Arrow: IPC bytes (stream or file format) or a flechette `Table`. The fastest
 * way in for large data: in the kit's form (see README "Arrow input") the columns become the
 * table without a copy, and in Worker mode the bytes move to the Worker without one. The kit takes
 * the bytes over: they are transferred (detached here) and null slots may be rewritten in place.
 */
export interface ArrowDataPage {
  arrow: ArrowInput;
  total?: number;
}

/** Whatever a source may yield: records (`DataPage`), Arrow (`ArrowDataPage`) or columns (`ColumnarDataPage`). */
export type SourcePage = DataPage | ArrowDataPage | ColumnarDataPage;

/**
 * Where conversations come from. A page may hold more than the range (the core filters exactly);
 * it must hold every conversation whose created, closed or first-response time is in the range.
 * Aborting the signal stops the load with no further work.
 */
export interface DataSource {
  /** Pages of records, Arrow (`{ arrow }`, or IPC bytes or a flechette Table by themselves) or columns. */
  load(request: LoadRequest): AsyncIterable<SourcePage | ArrowInput>;
  lookups?(signal: AbortSignal): Promise<Lookups | LookupsInput>;
  /** Optional push-down: compute the report where the data lives. */
  query?(spec: ReportSpec, context: ReportContext, signal: AbortSignal): Promise<ReportResult>;
  /** (v2) Optional push-down drill: one page of the conversations behind a row. */
  drill?(spec: ReportSpec, context: ReportContext, point: DrillPoint, page: DrillPageRequest, signal: AbortSignal): Promise<DrillPage>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The load was aborted.', 'AbortError');
}

/** Throws the signal's reason (an AbortError DOMException by default) when it has been aborted. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortReason(signal);
}

/**
 * `promise`'s outcome, or the signal's reason if it aborts first, for waits that do not listen to
 * the signal themselves. `onAbort` runs on that abort, to cancel what the promise waits on. The
 * listener goes once the promise settles, so a long-lived signal collects none.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal, onAbort?: () => void): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort?.();
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
