import { expect, fixture, html } from '@open-wc/testing';
import './report-tile.ts';
import type { ReportTile } from './report-tile.ts';
import { reportSpecSchema, type ReportSpecInput } from '../../core/schema/report-spec.ts';
import type { ReportResult } from '../../core/types.ts';

function resultOf(labels: readonly string[]): ReportResult {
  const rows = labels.map((label, i) => ({ key: label, label, value: 30 - i, count: 30 - i }));
  return { reportId: 'r', rows, total: { value: 100, count: 100 }, matched: 100 };
}

async function table(width: number, labels: readonly string[], fields: Partial<ReportSpecInput>): Promise<ReportTile> {
  const spec = reportSpecSchema.parse({ id: 'r', title: 'Table', chartType: 'table', measure: { op: 'count' }, ...fields });
  const host = await fixture<HTMLElement>(
    html`<div style=${`width:${width}px`}><report-tile locale="en" time-zone="UTC" .spec=${spec} .result=${resultOf(labels)}></report-tile></div>`,
  );
  const tile = host.querySelector('report-tile')!;
  await tile.updateComplete;
  return tile;
}

const cut = (el: Element) => el.scrollWidth > el.clientWidth + 1;

describe('<report-tile> table text', () => {
  const urls = [
    'https://www.northwind.example/support/knowledge-base/getting-started',
    'https://www.northwind.example/support/knowledge-base/billing',
    'https://www.northwind.example/pricing/enterprise',
  ];

  it('shows page URLs without the site they share, their last segment whole', async () => {
    const tile = await table(360, urls, { dimension: 'pageUrl' });
    const cells = [...tile.shadowRoot!.querySelectorAll<HTMLElement>('tbody td.col-label')];
    expect(cells.map((cell) => cell.textContent!.trim())).to.deep.equal([
      '/support/knowledge-base/getting-started',
      '/support/knowledge-base/billing',
      '/pricing/enterprise',
    ]);
    expect(cells.map((cell) => cell.title)).to.deep.equal(urls, 'the whole URL on hover');
    for (const cell of cells) expect(cut(cell.querySelector('.url-tail')!), cell.textContent!).to.equal(false);
  });

  it('wraps a long name in a narrow table rather than cutting it', async () => {
    const names = ['Thomas Lefèvre-Vandenberghe', 'Anne-Sophie van der Heijden'];
    const tile = await table(300, names, { dimension: 'assigneeId' });
    const cells = [...tile.shadowRoot!.querySelectorAll<HTMLElement>('tbody td.col-label')];
    expect(cells).to.have.length(2);
    for (const cell of cells) {
      expect(cell.textContent).to.equal(cell.title);
      const text = cell.querySelector('.wrap')!;
      expect(cut(text) || text.scrollHeight > text.clientHeight + 1, `${cell.textContent} is whole`).to.equal(false);
    }
  });
});
