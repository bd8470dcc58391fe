import { expect } from '@open-wc/testing';
import { computeReport, createTable, drillDown, parseConversations, reportSpecSchema, templates, type ReportContext, type ReportSpec } from '../core/index.ts';
import { encodeWirePage, toWirePage } from '../core/wire/wire-encode.ts';
import { normalizeLookups } from '../core/table/table.ts';
import { generateConversations } from '../sample/generate-conversations.ts';
import type { SourcePage } from '../adapters/data-source.ts';
import { createEngineWorker } from '../worker/create-engine-worker.ts';
import { toArrowIPC } from '../core/wire/arrow/to-arrow-ipc.ts';
import { EngineLoader, type ReportEngine } from './report-engine.ts';

const END = Date.UTC(2026, 10, 20);
const sample = generateConversations({ n: 3000, seed: 11, end: END, days: 40 });
const lookups = normalizeLookups(sample.lookups);
// Two bad records among the good ones: both paths must reject them the same way.
const records: unknown[] = [...sample.conversations];
records.splice(10, 0, { ...sample.conversations[0], id: 'bad-close', closedAt: sample.conversations[0]!.createdAt - 1 });
records.splice(500, 0, { ...sample.conversations[1], id: sample.conversations[1]!.id });

const specs: ReportSpec[] = [
  ...templates.chatOverview.reports,
  ...templates.emailOverview.reports,
  ...[
    { id: 'median-by-inbox', dimension: 'inboxId', measure: { op: 'median', property: 'responseTime' } },
    { id: 'p90-breakdown', dimension: 'assigneeId', breakdown: 'channel', measure: { op: 'p90', property: 'timeToClose' }, limit: 5 },
    { id: 'week-by-status', dimension: 'closedAt', timeBucket: 'week', breakdown: 'status', measure: { op: 'count' } },
    { id: 'pages-top', dimension: 'pageUrl', limit: 3, measure: { op: 'count' }, filters: [{ property: 'properties.vip', operator: 'is', value: true }] },
    { id: 'csat', dimension: 'properties.language', measure: { op: 'avg', property: 'properties.csat' } },
  ].map((fields) => reportSpecSchema.parse({ title: 'Custom', chartType: 'bar', ...fields })),
];

const context: ReportContext = { range: { from: END - 30 * 86_400_000, to: END }, timeZone: 'Europe/Amsterdam', compare: 'previous-period' };

function pagesOf(format: 'objects' | 'columns' | 'binary', pageSize = 700): SourcePage[] {
  const pages: SourcePage[] = [];
  for (let start = 0; start < records.length; start += pageSize) {
    const slice = records.slice(start, start + pageSize);
    if (format === 'objects') pages.push({ conversations: slice });
    else {
      const page = toWirePage(slice as never);
      pages.push(format === 'binary' ? { columns: encodeWirePage(page) } : page);
    }
  }
  return pages;
}

async function load(format: 'objects' | 'columns' | 'binary', workerThreshold: number): Promise<{ engine: ReportEngine; rejected: unknown[] }> {
  const loader = new EngineLoader({ workerThreshold });
  let page = 0;
  for (const chunk of pagesOf(format)) await loader.add(chunk, ++page);
  return loader.finish(lookups);
}

describe('report engine: the Worker path', () => {
  const parsed = parseConversations(records);
  const table = createTable(parsed.conversations, lookups);

  for (const format of ['objects', 'columns', 'binary'] as const) {
    it(`computes in the Worker exactly what the page computes (${format} pages)`, async () => {
      const { engine, rejected } = await load(format, 0);
      try {
        expect(engine.mode).to.equal('worker');
        expect(engine.table).to.equal(null);
        expect(engine.size).to.equal(table.size);
        expect(rejected.map((error) => (error as { index: number; field: string }).index)).to.deep.equal(parsed.errors.map((error) => error.index));
        const results = await Promise.all(specs.map((spec) => engine.compute(spec, context)));
        results.forEach((result, index) => expect(result, specs[index]!.id).to.deep.equal(computeReport(table, specs[index]!, context)));

        const spec = templates.chatOverview.reports[0]!;
        const largest = results[0]!.rows[0]!;
        const drilled = await engine.drill(spec, context, { key: largest.key }, { limit: Infinity });
        expect(drilled.rows.map((c) => c.id)).to.deep.equal(drillDown(table, spec, context, { key: largest.key }, { limit: Infinity }).rows.map((c) => c.id));
        expect(drilled.rows).to.have.length(largest.count);
        expect(drilled.total).to.equal(largest.count);
        // One page at a time through the Worker: the second page of 10 by subject.
        const page = { offset: 10, limit: 10, sort: { by: 'subject', direction: 'desc' } } as const;
        const second = await engine.drill(spec, context, { key: largest.key }, page);
        expect(second.rows.map((c) => c.id)).to.deep.equal(drillDown(table, spec, context, { key: largest.key }, page).rows.map((c) => c.id));
        expect(second).to.include({ total: largest.count, offset: 10 });
      } finally {
        engine.dispose();
      }
    });
  }

  it('posts a large page of records to the Worker in slices, with the same results and rejects as one page in the page', async () => {
    const big = generateConversations({ n: 12_000, seed: 5, end: END, days: 40 });
    const many: unknown[] = [...big.conversations];
    many.splice(10, 0, { ...big.conversations[0], id: 'bad-close', closedAt: big.conversations[0]!.createdAt - 1 });
    // A duplicate far from its original: in another slice.
    many.splice(9_000, 0, { ...big.conversations[1] });
    let posted = 0;
    const createWorker = () => {
      const worker = createEngineWorker()!;
      const post = worker.postMessage.bind(worker) as (message: unknown, transfer?: Transferable[]) => void;
      worker.postMessage = ((message: unknown, transfer?: Transferable[]) => {
        if ((message as { type?: string }).type === 'page') posted++;
        post(message, transfer);
      }) as Worker['postMessage'];
      return worker;
    };
    const loadAll = async (loader: EngineLoader) => {
      await loader.add({ conversations: many, total: many.length }, 1);
      return loader.finish(normalizeLookups(big.lookups));
    };
    const inWorker = await loadAll(new EngineLoader({ workerThreshold: 0, createWorker }));
    const inPage = await loadAll(new EngineLoader({ workerThreshold: Infinity }));
    try {
      expect(inWorker.engine.mode).to.equal('worker');
      expect(posted, 'slices').to.be.greaterThan(1);
      expect(inWorker.engine.size).to.equal(inPage.engine.size);
      expect(inWorker.rejected).to.deep.equal(inPage.rejected);
      expect(inWorker.rejected.map((error) => error.index)).to.deep.equal([10, 9_000]);
      const spec = templates.chatOverview.reports[0]!;
      expect(await inWorker.engine.compute(spec, context)).to.deep.equal(await inPage.engine.compute(spec, context));
    } finally {
      inWorker.engine.dispose();
      inPage.engine.dispose();
    }
  });

  it('starts the Worker as soon as a first page says the load is large, before Arrow reading has loaded', async () => {
    let created = 0;
    const loader = new EngineLoader({
      workerThreshold: 1_000,
      createWorker: () => {
        created++;
        return createEngineWorker();
      },
    });
    const adding = loader.add({ arrow: toArrowIPC(sample.conversations), total: sample.conversations.length }, 1);
    expect(created, 'in the same turn as the page').to.equal(1);
    await adding;
    const { engine } = await loader.finish(lookups);
    try {
      expect(engine.mode).to.equal('worker');
      expect(engine.size).to.equal(sample.conversations.length);
      expect(created, 'one Worker').to.equal(1);
    } finally {
      engine.dispose();
    }
  });

  it('keeps small loads in the page, with the same results', async () => {
    const { engine } = await load('columns', 50_000);
    expect(engine.mode).to.equal('main');
    expect(engine.table?.size).to.equal(table.size);
    const result = await engine.compute(specs[0]!, context);
    expect(result).to.deep.equal(computeReport(table, specs[0]!, context));
  });

  it('rejects one bad spec without failing the others of its batch', async () => {
    const { engine } = await load('objects', 0);
    try {
      const bad = reportSpecSchema.parse({ id: 'bad', title: 'Bad', chartType: 'bar', dimension: 'nope', measure: { op: 'count' } });
      const [good, failed] = await Promise.allSettled([engine.compute(specs[0]!, context), engine.compute(bad, context)]);
      expect(good.status).to.equal('fulfilled');
      expect(failed.status).to.equal('rejected');
      expect((failed as PromiseRejectedResult).reason.name).to.equal('UnknownPropertyError');
    } finally {
      engine.dispose();
    }
  });

  it('falls back to the page when no Worker can start', async () => {
    const loader = new EngineLoader({ workerThreshold: 0, createWorker: () => null });
    await loader.add(pagesOf('objects')[0]!, 1);
    const { engine } = await loader.finish(lookups);
    expect(engine.mode).to.equal('main');
  });

  it('reports a malformed columnar page with the column at fault', async () => {
    const loader = new EngineLoader({ workerThreshold: 0 });
    const page = toWirePage(sample.conversations.slice(0, 10));
    const broken = { ...page, columns: { ...page.columns, createdAt: new Float64Array(3) } };
    let error: unknown;
    try {
      await loader.add(broken, 1);
      await loader.finish(lookups);
    } catch (caught) {
      error = caught;
    }
    loader.abort();
    expect((error as Error).message).to.contain('createdAt');
  });
});
