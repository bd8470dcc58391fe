import type { SourcePage } from '../adapters/data-source.ts';
import { ReportBatch, computeReport } from '../core/engine/compute-report.ts';
import { isQuantile } from '../core/engine/aggregate.ts';
import { quantilesRegistered } from '../core/engine/quantile-registry.ts';
import { countsInBusinessHours } from '../core/table/derived-columns.ts';
import { businessTimeRegistered } from '../core/time/business-time-registry.ts';
import { PageIngest, MalformedPageError, countPageRecords, isArrowPage, type ArrowReading, type IngestPage, type PageReaders, type WireReading } from '../core/wire/ingest-session.ts';
import type { ArrowInput } from '../core/wire/arrow/read-arrow.ts';
import type { ParseError } from '../core/wire/parse-conversations.ts';
import type { Conversation, Lookups } from '../core/schema/conversation.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import { tableFootprint, type ConversationTable } from '../core/table/table.ts';
import { tableCatalog, type TableCatalog } from '../core/table/table-catalog.ts';
import type { DrillPageRequest } from '../core/schema/drill-page.ts';
import type { DrillPage, DrillPoint, ReportContext, ReportResult } from '../core/types.ts';
import { createEngineWorker } from '../worker/create-engine-worker.ts';
import { cloneSafeRecords, isDataCloneError } from '../worker/clone-safe.ts';
import { deserializeError, serializeError, type ComputeOutcome, type FromEngine, type SerializedError, type ToEngine } from '../worker/protocol.ts';
import { onDemand } from '../core/on-demand.ts';

/**
 * Where the reports of one load are computed. Small loads keep their table in the page; large
 * ones keep it in a Worker and only specs and results cross between threads. Either way requests
 * made in the same turn (every tile of a dashboard asking at once) go out as one batch, so reports
 * that share rows and groups share the work.
 */
export interface ReportEngine {
  readonly mode: 'main' | 'worker';
  /** Conversations in the table. */
  readonly size: number;
  /** The table, when it lives in this thread; null when it lives in the Worker. */
  readonly table: ConversationTable | null;
  /** Bytes of the table's report columns (free text excluded). */
  readonly columnBytes: number;
  /** The table's properties and list values, for an editor without the table (its own in a Worker). */
  readonly catalog: TableCatalog;
  compute(spec: ReportSpec, context: ReportContext, signal?: AbortSignal): Promise<ReportResult>;
  drill(spec: ReportSpec, context: ReportContext, point: DrillPoint, page?: DrillPageRequest, signal?: AbortSignal): Promise<DrillPage>;
  /** Frees the engine (ends its Worker) once the requests already made are answered. */
  dispose(): void;
}

export interface EngineLoaderOptions {
  /** From this many conversations on, the table lives in a Worker. Default 50 000. */
  workerThreshold?: number;
  /** Makes the Worker (default: the kit's engine Worker); null keeps the table in the page. */
  createWorker?: () => Worker | null;
  /** Conversations taken in so far, in whichever thread holds the table. */
  onProgress?: (ingested: number) => void;
}

export const DEFAULT_WORKER_THRESHOLD = 50_000;
/** Pages on their way to the Worker before the load waits: bounds memory, keeps progress honest. */
const MAX_PAGES_IN_FLIGHT = 4;
/** Records posted to the Worker in the first slice of an object page (see `WorkerConnection.#sendRecords`). */
const FIRST_SLICE = 4_096;
const MIN_SLICE = 512;
const MAX_SLICE = 65_536;
/** What copying one slice of records to the Worker should take, in ms: well inside a 50 ms task on a slow machine. */
const SLICE_MS = 8;
/** Below this many conversations a report is computed on the spot: batching would only add latency. */
const BATCH_FROM = 10_000;
/** A Worker that has not said hello by then is taken as unable to start. */
const WORKER_START_TIMEOUT = 15_000;

function abortError(): DOMException {
  return new DOMException('The request was aborted.', 'AbortError');
}

/** A macrotask, not a microtask: only a macrotask lets the browser paint and handle input. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A new task soon: `scheduler.yield()` where there is one, else a message to ourselves (no 4 ms timer clamp). */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return nextTurn();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function contextKey(context: ReportContext): string {
  return JSON.stringify([context.range.from, context.range.to, context.timeZone, context.compare ?? null, context.businessHours ?? null, context.sla ?? null]);
}

/** An outcome of this thread may carry the original error, class and all. */
type Outcome = ComputeOutcome | { error: SerializedError; original: unknown };

interface Queued {
  spec: ReportSpec;
  signal: AbortSignal | undefined;
  resolve: (result: ReportResult) => void;
  reject: (error: unknown) => void;
}

/** Collects the compute requests of one turn and hands them over per context as one batch. */
class ComputeBatcher {
  #queue = new Map<string, { context: ReportContext; requests: Queued[] }>();
  #scheduled = false;

  constructor(private readonly run: (context: ReportContext, specs: ReportSpec[]) => Promise<Outcome[]>) {}

  enqueue(spec: ReportSpec, context: ReportContext, signal: AbortSignal | undefined): Promise<ReportResult> {
    if (signal?.aborted) return Promise.reject(signal.reason ?? abortError());
    return new Promise((resolve, reject) => {
      const key = contextKey(context);
      let entry = this.#queue.get(key);
      if (!entry) this.#queue.set(key, (entry = { context, requests: [] }));
      entry.requests.push({ spec, signal, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // The next task, not a timer: nested timers are clamped to 4 ms, a dashboard's worth of them adds up.
        void yieldToBrowser().then(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const batches = [...this.#queue.values()];
    this.#queue.clear();
    for (const { context, requests } of batches) {
      const live = requests.filter((request) => {
        if (!request.signal?.aborted) return true;
        request.reject(request.signal.reason ?? abortError());
        return false;
      });
      if (live.length === 0) continue;
      this.run(
        context,
        live.map((request) => request.spec),
      ).then(
        async (outcomes) => {
          for (const [index, request] of live.entries()) {
            // One result per task: each tile draws its chart in a task of its own, so twelve
            // charts never make one long task that freezes the page.
            if (index > 0) await yieldToBrowser();
            const outcome = outcomes[index];
            if (request.signal?.aborted) request.reject(request.signal.reason ?? abortError());
            else if (outcome && 'result' in outcome) request.resolve(outcome.result);
            else if (outcome && 'original' in outcome) request.reject(outcome.original);
            else request.reject(outcome ? deserializeError(outcome.error) : new Error('The engine gave no result.'));
          }
        },
        (error) => live.forEach((request) => request.reject(error)),
      );
    }
  }
}

/** The table in this thread (small loads, or where Workers are unavailable). */
class MainThreadEngine implements ReportEngine {
  readonly mode = 'main' as const;
  readonly #batcher: ComputeBatcher;
  #disposed = false;

  constructor(
    readonly table: ConversationTable,
    readonly columnBytes: number,
  ) {
    this.#batcher = new ComputeBatcher(async (context, specs) => {
      const partsLoading = lazyPartsFor(specs, context);
      if (partsLoading) await partsLoading;
      // Errors keep their class here: they go straight to the caller.
      let batch: ReportBatch;
      try {
        batch = new ReportBatch(table, context);
        batch.plan(specs);
      } catch (error) {
        return specs.map(() => ({ error: serializeError(error), original: error }));
      }
      return specs.map((spec) => {
        try {
          return { result: batch.compute(spec) };
        } catch (error) {
          return { error: serializeError(error), original: error };
        }
      });
    });
  }

  get size(): number {
    return this.table.size;
  }

  #catalog: TableCatalog | null = null;
  get catalog(): TableCatalog {
    return (this.#catalog ??= tableCatalog(this.table));
  }

  compute(spec: ReportSpec, context: ReportContext, signal?: AbortSignal): Promise<ReportResult> {
    if (this.#disposed) return Promise.reject(new Error('The report engine was disposed.'));
    if (this.table.size >= BATCH_FROM) return this.#batcher.enqueue(spec, context, signal);
    const partsLoading = lazyPartsFor([spec], context);
    if (partsLoading) return partsLoading.then(() => computeReport(this.table, spec, context));
    // Small tables: a report takes well under a millisecond, so at once, as part of the caller's task.
    try {
      return Promise.resolve(computeReport(this.table, spec, context));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async drill(spec: ReportSpec, context: ReportContext, point: DrillPoint, page?: DrillPageRequest, signal?: AbortSignal): Promise<DrillPage> {
    if (signal?.aborted) throw signal.reason ?? abortError();
    await core.load();
    // Aborted while the drill's chunk loaded (the first drill only): no rows for a request nobody waits for.
    if (signal?.aborted) throw signal.reason ?? abortError();
    return core.value!.drillDown(this.table, spec, context, point, page);
  }

  dispose(): void {
    this.#disposed = true;
  }
}

/** Talks to the engine Worker: pages in, results out. */
class WorkerConnection {
  readonly ready: Promise<void>;
  #hello!: () => void;
  #failure: ((error: Error) => void) | null = null;
  #error: Error | null = null;
  #inFlight = 0;
  #drained: (() => void) | null = null;
  #finished: ((message: Extract<FromEngine, { type: 'ready' }>) => void) | null = null;
  #nextId = 1;
  #pending = new Map<number, { resolve: (message: FromEngine) => void; reject: (error: unknown) => void }>();
  #terminateWhenIdle = false;
  #terminated = false;

  readonly #onProgress: (received: number) => void;
  constructor(
    readonly worker: Worker,
    onProgress: (received: number) => void,
  ) {
    this.#onProgress = onProgress;
    this.ready = new Promise<void>((resolve, reject) => {
      this.#hello = resolve;
      this.#failure = reject;
    });
    worker.addEventListener('message', (event: MessageEvent<FromEngine>) => this.#onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      this.#fail(new Error(`The report engine Worker failed: ${event.message || 'it could not be loaded'}`));
    });
    worker.addEventListener('messageerror', () => this.#fail(new Error('The report engine Worker sent a message that could not be read.')));
  }

  /** Set when the Worker failed; later calls throw it. */
  get error(): Error | null {
    return this.#error;
  }

  #fail(error: Error): void {
    if (this.#error) return;
    this.#error = error;
    this.#failure?.(error);
    this.#failure = null;
    this.#drained?.();
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }

  #onMessage(message: FromEngine): void {
    switch (message.type) {
      case 'hello':
        this.#hello();
        this.#failure = null;
        return;
      case 'progress':
        this.#inFlight--;
        this.#onProgress(message.received);
        if (this.#inFlight < MAX_PAGES_IN_FLIGHT) this.#drained?.();
        return;
      case 'ready':
        this.#finished?.(message);
        return;
      case 'failed':
        this.#fail(deserializeError(message.error));
        return;
      case 'computed':
      case 'drilled': {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        pending?.resolve(message);
        if (this.#terminateWhenIdle && this.#pending.size === 0) this.terminate();
        return;
      }
    }
  }

  /** Hands a page over, moving its buffers; waits while too many pages are still being taken in. */
  async send(page: IngestPage): Promise<void> {
    if (this.#error) throw this.#error;
    if ('conversations' in page && Array.isArray(page.conversations) && page.conversations.length > FIRST_SLICE) {
      await this.#sendRecords(page.conversations);
      return;
    }
    let transfer: Transferable[] = [];
    if (isArrowPage(page)) {
      // Bytes move to the Worker; a Table (class instances) is written to IPC bytes first.
      const moved = await (await loadArrowReading()).arrowTransfer(page.arrow);
      page = { arrow: moved.bytes };
      transfer = moved.transfer;
    } else if ('columns' in page) transfer = (await loadWireReading()).wireTransferables(page.columns instanceof ArrayBuffer ? page.columns : { columns: page.columns });
    await this.#post(page, transfer);
  }

  /**
   * Records are copied as they are posted, on this thread: a 50 000-record page took one task of
   * 60–70 ms. They go in slices instead, each posted in a task of its own and sized from the last
   * one's copy time to take about SLICE_MS; the Worker takes them in as consecutive pages.
   */
  async #sendRecords(records: unknown[]): Promise<void> {
    let size = FIRST_SLICE;
    for (let start = 0; start < records.length && !this.#terminated; ) {
      if (start > 0) await yieldToBrowser();
      const slice = records.slice(start, start + size);
      const took = await this.#post({ conversations: slice }, []);
      start += slice.length;
      size = Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.round((size * SLICE_MS) / Math.max(took, 0.5))));
    }
  }

  /** Posts one page; resolves with the milliseconds `postMessage` took, once fewer than MAX_PAGES_IN_FLIGHT are being taken in. */
  async #post(page: IngestPage, transfer: Transferable[]): Promise<number> {
    const began = performance.now();
    this.#inFlight++;
    try {
      this.worker.postMessage({ type: 'page', page } satisfies ToEngine, transfer);
    } catch (error) {
      // A record holding a function, a Symbol or a Proxy: the page goes as plain copies, and each
      // such record becomes one reject in the Worker instead of failing the load.
      if (!isDataCloneError(error) || !('conversations' in page) || !Array.isArray(page.conversations)) {
        this.#inFlight--;
        throw error;
      }
      this.worker.postMessage({ type: 'page', page: { conversations: cloneSafeRecords(page.conversations) } } satisfies ToEngine);
    }
    const took = performance.now() - began;
    while (this.#inFlight >= MAX_PAGES_IN_FLIGHT && !this.#error) await new Promise<void>((resolve) => (this.#drained = resolve));
    this.#drained = null;
    if (this.#error) throw this.#error;
    return took;
  }

  finish(lookups: Lookups): Promise<Extract<FromEngine, { type: 'ready' }>> {
    if (this.#error) return Promise.reject(this.#error);
    return new Promise((resolve, reject) => {
      this.#finished = resolve;
      const previous = this.#failure;
      this.#failure = (error) => {
        previous?.(error);
        reject(error);
      };
      this.worker.postMessage({ type: 'finish', lookups } satisfies ToEngine);
    });
  }

  request(message: DistributiveOmit<Extract<ToEngine, { type: 'compute' | 'drill' }>, 'id'>): Promise<FromEngine> {
    if (this.#error) return Promise.reject(this.#error);
    if (this.#terminated) return Promise.reject(new Error('The report engine was disposed.'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id } as ToEngine);
    });
  }

  terminateWhenIdle(): void {
    this.#terminateWhenIdle = true;
    if (this.#pending.size === 0) this.terminate();
  }

  terminate(): void {
    if (this.#terminated) return;
    this.#terminated = true;
    this.worker.terminate();
    const error = abortError();
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The table in the engine Worker; this side holds no rows at all. */
class WorkerEngine implements ReportEngine {
  readonly mode = 'worker' as const;
  readonly table = null;
  readonly #batcher: ComputeBatcher;
  #disposed = false;

  readonly #connection: WorkerConnection;
  constructor(
    connection: WorkerConnection,
    readonly size: number,
    readonly columnBytes: number,
    readonly catalog: TableCatalog,
  ) {
    this.#connection = connection;
    this.#batcher = new ComputeBatcher(async (context, specs) => {
      const reply = await connection.request({ type: 'compute', specs, context });
      return reply.type === 'computed' ? reply.outcomes : [];
    });
  }

  compute(spec: ReportSpec, context: ReportContext, signal?: AbortSignal): Promise<ReportResult> {
    if (this.#disposed) return Promise.reject(new Error('The report engine was disposed.'));
    return this.#batcher.enqueue(spec, context, signal);
  }

  async drill(spec: ReportSpec, context: ReportContext, point: DrillPoint, page?: DrillPageRequest, signal?: AbortSignal): Promise<DrillPage> {
    if (this.#disposed) throw new Error('The report engine was disposed.');
    if (signal?.aborted) throw signal.reason ?? abortError();
    const reply = await this.#connection.request({ type: 'drill', spec, context, point, ...(page ? { page } : {}) });
    if (signal?.aborted) throw signal.reason ?? abortError();
    if (reply.type !== 'drilled') throw new Error('The engine gave no drill rows.');
    if ('error' in reply) throw deserializeError(reply.error);
    return reply.page;
  }

  dispose(): void {
    this.#disposed = true;
    this.#connection.terminateWhenIdle();
  }
}

/**
 * Takes the pages of one load and ends with a `ReportEngine`. Where the table goes is decided as
 * soon as the size is known: from the first page's `total`, or, without one, once the records
 * received pass the threshold (until then pages wait unparsed, so no work is done twice). A Worker
 * that cannot start leaves the table in the page.
 */
export class EngineLoader {
  readonly #threshold: number;
  readonly #createWorker: () => Worker | null;
  readonly #onProgress: (ingested: number) => void;
  #mode: 'undecided' | 'main' | 'worker' = 'undecided';
  #buffer: IngestPage[] = [];
  #buffered = 0;
  #session: PageIngest | null = null;
  /** Arrow reading, loaded when the first Arrow page (or what may be one) arrives; the columnar reader with the first columnar page. Pages of objects need neither. */
  readonly #readers: PageReaders = {};
  #connection: WorkerConnection | null = null;
  /** The Worker on its way (see `add`): started once per load. */
  #starting: Promise<WorkerConnection | null> | null = null;
  #aborted = false;

  constructor(options: EngineLoaderOptions = {}) {
    this.#threshold = options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD;
    this.#createWorker = options.createWorker ?? createEngineWorker;
    this.#onProgress = options.onProgress ?? (() => {});
  }

  get mode(): 'undecided' | 'main' | 'worker' {
    return this.#mode;
  }

  /** Takes one page from the source; throws MalformedPageError or WireFormatError on a bad one. */
  async add(page: SourcePage | ArrowInput, pageNumber: number): Promise<void> {
    if (this.#aborted) return;
    // A first page that says the load is large: the Worker boots (its module loads and compiles)
    // while Arrow reading loads here, rather than after it.
    // (Arrow by itself, bytes or a Table, has no total: the source page made of it below has none either.)
    const total = (page as { total?: unknown } | null)?.total;
    const totalKnown = typeof total === 'number' && Number.isFinite(total);
    if (this.#mode === 'undecided' && totalKnown && total >= this.#threshold) this.#starting ??= this.#startWorker();
    // A page may be Arrow by itself (IPC bytes or a Table) rather than { arrow }: anything not shaped
    // like a page is checked once Arrow reading has loaded.
    const readers = this.#readers;
    if (isArrowPage(page) || !isPageShaped(page)) readers.arrow ??= await loadArrowReading();
    else if ('columns' in page) readers.wire ??= await loadWireReading();
    if (this.#aborted) return;
    const source: SourcePage = readers.arrow?.isArrowInput(page) ? { arrow: page } : (page as SourcePage);
    // Read with care: a page that is not an object is rejected by countPageRecords, as malformed.
    const { columns } = (source ?? {}) as { columns?: unknown };
    const counting = this.#mode === 'undecided' && !totalKnown;
    // A binary wire page is read in full to count it (checksum and all, ~15 ms for 50 000 records):
    // only its magic number is checked here unless the count is needed; it is read where it is taken in.
    // (The columnar reader is loaded for any { columns } page, above.)
    const count = counting || !readers.wire?.isBinaryWirePage(columns) ? countPageRecords(source, pageNumber, readers) : 0;
    const ingest = toIngestPage(source, pageNumber);
    if (this.#mode === 'undecided') {
      if (!counting) await this.#decide((total as number) >= this.#threshold ? 'worker' : 'main');
      else {
        this.#buffer.push(ingest);
        this.#buffered += count;
        this.#onProgress(this.#buffered);
        if (this.#buffered >= this.#threshold) await this.#decide('worker');
        return;
      }
    }
    await this.#take(ingest);
  }

  async #take(page: IngestPage): Promise<void> {
    if (this.#mode === 'worker' && this.#connection) {
      await this.#connection.send(page);
      return;
    }
    const session = (this.#session ??= new PageIngest(0, this.#readers));
    session.add(page);
    this.#onProgress(session.received);
  }

  /** The engine Worker once it said hello; null when none can start. */
  async #startWorker(): Promise<WorkerConnection | null> {
    const worker = this.#createWorker();
    if (!worker) return null;
    const connection = new WorkerConnection(worker, (received) => this.#onProgress(received));
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        connection.ready,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('The report engine Worker did not start.')), WORKER_START_TIMEOUT))),
      ]);
      return connection;
    } catch {
      // A Worker that cannot load (blocked by CSP, missing file) is no reason to fail the load.
      connection.terminate();
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  async #decide(mode: 'main' | 'worker'): Promise<void> {
    if (mode === 'worker') {
      const connection = await (this.#starting ??= this.#startWorker());
      if (this.#aborted) {
        connection?.terminate();
        return;
      }
      if (connection) this.#connection = connection;
      else mode = 'main';
    }
    this.#mode = mode;
    const buffered = this.#buffer;
    this.#buffer = [];
    for (const [index, page] of buffered.entries()) {
      if (this.#aborted) return;
      // Parsing here blocks the page: one page per task keeps each task short.
      if (mode === 'main' && index > 0) await nextTurn();
      await this.#take(page);
    }
  }

  /** Builds the table (in whichever thread) and returns the engine over it. */
  async finish(lookups: Lookups): Promise<{ engine: ReportEngine; rejected: ParseError[] }> {
    if (this.#mode === 'undecided') await this.#decide('main');
    if (this.#mode === 'worker' && this.#connection) {
      const ready = await this.#connection.finish(lookups);
      return { engine: new WorkerEngine(this.#connection, ready.size, ready.columnBytes, ready.catalog), rejected: ready.rejected };
    }
    const session = (this.#session ??= new PageIngest(0, this.#readers));
    const table = session.finish(lookups);
    return { engine: new MainThreadEngine(table, tableFootprint(table).columnBytes), rejected: session.rejected };
  }

  /** Stops the load: a Worker started for it ends now. */
  abort(): void {
    this.#aborted = true;
    this.#buffer = [];
    this.#session = null;
    this.#connection?.terminate();
    this.#connection = null;
    void this.#starting?.then((connection) => connection?.terminate());
  }
}

/**
 * The drill (rows behind a point), the quantiles and the business clock load with core's entry, on
 * the first drill or the first compute that needs them: a dashboard paints without them. Through core's entry, whose
 * chunk holds them (vite.config.ts): a module inside a shared chunk would be handed over as a
 * namespace object built by the bundler's runtime, which core would then load too.
 */
const core = onDemand(() => import('../core/index.ts'));

/**
 * Quantile measures (median, p90) and time counted in business hours compute with code of their
 * own, which the default dashboard never runs: it comes with core's entry, which registers it
 * (quantile-registry.ts, business-time-registry.ts), before the first compute that needs it. Once
 * registered (by that, the drill or the report editor) computes stay synchronous.
 */
function lazyPartsFor(specs: readonly ReportSpec[], context: ReportContext): Promise<void> | null {
  const quantiles = !quantilesRegistered() && specs.some((spec) => isQuantile(spec.measure));
  const businessTime = !businessTimeRegistered() && specs.some((spec) => countsInBusinessHours(spec, context));
  return quantiles || businessTime ? core.load() : null;
}

function loadArrowReading(): Promise<ArrowReading> {
  return import('../core/wire/arrow/arrow-reading.ts');
}

function loadWireReading(): Promise<WireReading> {
  return import('../core/wire/wire-reading.ts');
}

/** Whether `page` has a page's shape (objects, Arrow or columns); else it may be Arrow by itself. */
function isPageShaped(page: unknown): boolean {
  return typeof page === 'object' && page !== null && ('conversations' in page || 'arrow' in page || 'columns' in page);
}

function toIngestPage(page: SourcePage, pageNumber: number): IngestPage {
  if ('conversations' in page && Array.isArray(page.conversations)) return { conversations: page.conversations };
  if (isArrowPage(page)) return { arrow: page.arrow };
  if ('columns' in page && page.columns) return page.length === undefined ? { columns: page.columns } : { columns: page.columns, length: page.length };
  throw new MalformedPageError(pageNumber, 'expected { conversations: [...] }, { arrow: … } or { columns: … }');
}
