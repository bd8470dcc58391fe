// Worker mode (≥ 50 000 records): a record postMessage cannot copy is one reject, not a failed load.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { reactive } from 'vue';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import { computeReport, createTable, parseConversations } from '../../src/core/index.ts';
import { reportSpecSchema } from '../../src/core/schema/report-spec.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { settled } from '../harness/dashboard-harness.ts';

const END = Date.UTC(2026, 10, 20, 12);
const sample = generateConversations({ n: 60_000, seed: 9, end: END, days: 60 });

describe('<conversation-dashboard> in Worker mode with records postMessage cannot copy', () => {
  it('keeps every valid record (Vue reactive ones included) and rejects only the function and the Symbol', async () => {
    const records: unknown[] = sample.conversations.slice();
    const at = (i: number) => sample.conversations[i] as Record<string, unknown>;
    records[10] = { ...at(10), properties: { ...(at(10).properties as object), onClick: () => 'hi' } };
    records[20] = { ...at(20), subject: Symbol('subject') };
    // A Vue reactive() record is a Proxy: valid data, read through on the way to the Worker.
    for (let i = 30_000; i < 30_100; i++) records[i] = reactive({ ...at(i) });
    expect(() => structuredClone(records[30_000]), 'the proxy itself cannot be cloned').to.throw();

    // The oracle: the same records parsed on this thread.
    const expected = parseConversations(records);
    expect(expected.errors.map((e) => [e.index, e.field])).to.deep.equal([
      [10, 'properties.onClick'],
      [20, 'subject'],
    ]);

    const source = new ArrayDataSource(records, { lookups: sample.lookups, pageSize: 20_000 });
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .dataSource=${source}></conversation-dashboard>`,
    );
    await waitUntil(() => el.data?.state === 'ready' || el.data?.state === 'error', 'the load ends', { timeout: 60_000 });
    expect(el.data!.state, String((el.data as { error?: unknown }).error ?? '')).to.equal('ready');
    expect(el.data!.table, 'the table is in the Worker').to.equal(null);
    const rejected = el.data!.rejected;
    expect(rejected.map((e) => [e.index, e.field])).to.deep.equal([
      [10, 'properties.onClick'],
      [20, 'subject'],
    ]);
    // <cr-data-quality part="data-quality"> holds the panel in its own shadow root; its element is
    // defined when the first rejected record is shown, and the dashboard's updateComplete waits for it.
    await el.updateComplete;
    const part = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('[part="data-quality"]')!;
    await part.updateComplete;
    const panel = part.shadowRoot!;
    expect(panel.querySelector('summary')!.textContent).to.contain('2 records rejected');
    await settled(el);
    // Every valid record is in the Worker's table: counts by assignee equal the oracle's.
    const all = reportSpecSchema.parse({ id: 'all', title: 'All', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' } });
    const table = createTable(expected.conversations, sample.lookups);
    expect(expected.conversations.length).to.equal(59_998);
    const inWorker = await el.data!.compute(all, new AbortController().signal);
    expect(inWorker).to.deep.equal(computeReport(table, all, el.reportContext!));
  });
});
