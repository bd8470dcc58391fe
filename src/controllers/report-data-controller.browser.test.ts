import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { waitUntil } from '../../test/wait-until.ts';
import type { DataSource } from '../adapters/data-source.ts';
import { computeReport, createTable, parseConversations } from '../core/index.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import type { ReportContext, ReportResult } from '../core/types.ts';
import { StandaloneDataController } from './declarative-tile-data.ts';
import { ReportDataController } from './report-data-controller.ts';

const T = Date.UTC(2026, 0, 5);
const context: ReportContext = { range: { from: T, to: T + 86_400_000 }, timeZone: 'UTC' };
const record = (id: string) => ({
  id,
  channel: 'chat',
  status: 'open',
  inboxId: 'i1',
  assigneeId: 'a1',
  createdAt: T + 1000,
  firstResponseAt: null,
  closedAt: null,
  chatflowId: null,
  pageUrl: null,
  ticketId: null,
});
const records = [record('c1'), record('c2')];
const lookups = { assignees: [{ id: 'a1', name: 'Anna' }], inboxes: [], chatflows: [] };
const spec: ReportSpec = { id: 'by-assignee', title: 'By assignee', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' }, filters: [], dateProperty: 'createdAt' };

class Host extends LitElement {}
customElements.define('report-data-test-host', Host);

function host(): Host {
  const el = document.createElement('report-data-test-host') as Host;
  document.body.append(el);
  return el;
}

/** Computes where the data lives: answers from ids (the names come from `lookups()`). */
class PushDownSource implements DataSource {
  queries = 0;
  async *load(): AsyncGenerator<never> {
    throw new Error('a push-down source is never loaded');
  }
  lookups() {
    return Promise.resolve(lookups);
  }
  query(asked: ReportSpec, at: ReportContext): Promise<ReportResult> {
    this.queries++;
    return Promise.resolve(computeReport(createTable(parseConversations(records).conversations), asked, at));
  }
}

/** Pages that never end until aborted: records the signal of every load. */
class HangingSource implements DataSource {
  readonly signals: AbortSignal[] = [];
  async *load({ signal }: { signal: AbortSignal }): AsyncGenerator<never> {
    this.signals.push(signal);
    await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
  }
}

describe('ReportDataController', () => {
  it("gives a standalone tile a push-down source's results, labelled with its names", async () => {
    const el = host();
    const standalone = new StandaloneDataController(el);
    const source = new PushDownSource();
    standalone.set(source, context);
    const data = standalone.value('en')!;
    expect(data.state).to.equal('ready');
    expect(data.table).to.equal(null);
    const result = await data.compute(spec);
    expect(source.queries).to.equal(1);
    expect(result.rows.map((row) => [row.label, row.value])).to.deep.equal([['Anna', 2]]);
    el.remove();
  });

  it('aborts the older load when a newer one starts, and when the host leaves the page', async () => {
    const el = host();
    let source: DataSource = new HangingSource();
    const data = new ReportDataController(el, { source: () => source, context: () => context, locale: () => 'en' });
    const first = source as HangingSource;
    data.start();
    await waitUntil(() => first.signals.length === 1, 'the first load started');
    source = new HangingSource();
    data.start();
    const second = source as HangingSource;
    await waitUntil(() => second.signals.length === 1, 'the second load started');
    expect(first.signals[0]!.aborted, 'the first load was aborted').to.equal(true);
    expect(second.signals[0]!.aborted).to.equal(false);
    expect(data.loader.state).to.equal('loading');
    el.remove();
    expect(second.signals[0]!.aborted, 'leaving the page aborted the load').to.equal(true);
    expect(data.loader.state).to.equal('idle');
  });
});
