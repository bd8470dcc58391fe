import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import './report-tile.ts';
import type { ReportTile } from './report-tile.ts';
import type { DashboardData } from '../../controllers/dashboard-data.ts';
import { reportSpecSchema } from '../../core/schema/report-spec.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ReportResult } from '../../core/types.ts';

// The tile's compute is one task: a newer run aborts the older one, whose late answer is never shown.

const specOf = (id: string) => reportSpecSchema.parse({ id, title: `Report ${id}`, chartType: 'table', dimension: 'assigneeId', measure: { op: 'count' } });
const resultOf = (id: string, value: number): ReportResult => ({
  reportId: id,
  rows: [{ key: 'alice', label: 'Alice', value, count: value }],
  total: { value, count: value },
  matched: value,
});

interface Call {
  spec: ReportSpec;
  signal: AbortSignal | undefined;
  resolve(result: ReportResult): void;
  reject(error: unknown): void;
}

/** Dashboard data whose computes answer when the test says so. */
function controlledData(): { data: DashboardData; calls: Call[] } {
  const calls: Call[] = [];
  const data = {
    state: 'ready',
    version: 1,
    table: null,
    lookups: {},
    context: { range: { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1) }, timeZone: 'UTC' },
    locale: 'en',
    progress: { loaded: 0, total: null },
    error: null,
    rejected: [],
    loadedAt: null,
    compute: (spec: ReportSpec, signal?: AbortSignal) =>
      new Promise<ReportResult>((resolve, reject) => {
        calls.push({ spec, signal, resolve, reject });
      }),
    drill: () => Promise.reject(new Error('no drill here')),
    retry: () => {},
  } as unknown as DashboardData;
  return { data, calls };
}

async function tileWith(data: DashboardData, spec: ReportSpec): Promise<ReportTile> {
  return fixture<ReportTile>(html`<report-tile locale="en" time-zone="UTC" .data=${data} .spec=${spec}></report-tile>`);
}

describe('<report-tile> computing from dashboard data', () => {
  it('aborts a compute a newer spec replaces, and never shows its late answer', async () => {
    const { data, calls } = controlledData();
    const el = await tileWith(data, specOf('a'));
    await waitUntil(() => calls.length === 1, 'first compute asked');
    el.spec = specOf('b');
    await waitUntil(() => calls.length === 2, 'second compute asked');
    expect(calls[0]!.signal?.aborted, 'the older run is aborted').to.equal(true);
    calls[1]!.resolve(resultOf('b', 7));
    await waitUntil(() => el.shownResult?.reportId === 'b', 'newer result shown');
    calls[0]!.resolve(resultOf('a', 99));
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(el.shownResult?.reportId).to.equal('b');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('computes again when moved in the page mid-compute', async () => {
    const { data, calls } = controlledData();
    const el = await tileWith(data, specOf('a'));
    await waitUntil(() => calls.length === 1, 'first compute asked');
    const parent = el.parentElement!;
    el.remove();
    expect(calls[0]!.signal?.aborted, 'removal aborts the run').to.equal(true);
    calls[0]!.reject(new DOMException('aborted', 'AbortError'));
    parent.append(el);
    await waitUntil(() => calls.length === 2, 'asked again once back');
    calls[1]!.resolve(resultOf('a', 5));
    await waitUntil(() => el.shownResult?.matched === 5, 'result shown');
    expect(el.shadowRoot!.querySelector('[part="error"]'), 'an abort is no error').to.equal(null);
  });

  it('shows a compute error with Retry, which computes again', async () => {
    const { data, calls } = controlledData();
    const el = await tileWith(data, specOf('a'));
    await waitUntil(() => calls.length === 1, 'first compute asked');
    calls[0]!.reject(new Error('engine fell over'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'error shown');
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('engine fell over');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="error"] .retry')!.click();
    await waitUntil(() => calls.length === 2, 'asked again');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="loading"]'), 'loading while it runs').to.exist;
    calls[1]!.resolve(resultOf('a', 3));
    await waitUntil(() => el.shadowRoot!.querySelector('[part="table"]'), 'table shown');
  });
});
