import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { waitUntil } from '../../../test/wait-until.js';
import { onDemand } from '../../core/on-demand.ts';
import { TilePartsController, heatmapView, tableView, tilePartFor, type TilePart } from './tile-parts.ts';

/** A stand-in for the tile: draws what the controller says, waits for it as the tile does. */
class PartsHost extends LitElement {
  needed: TilePart | null = null;
  readonly parts = new TilePartsController(this, () => this.needed);

  protected override willUpdate(): void {
    this.parts.update();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (await this.parts.settle()) result = await super.getUpdateComplete();
    return result;
  }

  protected override render() {
    const state = this.parts.state;
    return html`<p>${state === true ? 'ready' : state === 'loading' ? 'loading' : `error: ${(state.error as Error).message}`}</p>`;
  }
}
customElements.define('tile-parts-host', PartsHost);

const shown = (el: PartsHost) => el.shadowRoot!.querySelector('p')!.textContent;

describe('the parts of a tile that load on first use', () => {
  it('are the table view for a table, and the heatmap’s own part for a heatmap in either view; none for a chart or a KPI', () => {
    expect(tilePartFor('table', 'chart')).to.equal(tableView);
    expect(tilePartFor('bar', 'table')).to.equal(tableView);
    expect(tilePartFor('heatmap', 'chart')).to.equal(heatmapView);
    expect(tilePartFor('heatmap', 'table')).to.equal(heatmapView);
    expect(tilePartFor('bar', 'chart')).to.equal(null);
    expect(tilePartFor('kpi', 'table')).to.equal(null);
  });

  it('waits for a part, shows one that did not arrive as an error, asks again on Retry, and adds its styles', async () => {
    let attempts = 0;
    let arrive: () => void = () => {};
    const part = onDemand(() => {
      attempts += 1;
      if (attempts === 1) return Promise.reject(new Error('chunk missing'));
      return new Promise<{ tableViewStyles: ReturnType<typeof css> }>((resolve) => {
        arrive = () => resolve({ tableViewStyles: css`p { color: rgb(1, 2, 3); }` });
      });
    });
    const el = await fixture<PartsHost>(html`<tile-parts-host></tile-parts-host>`);
    expect(shown(el)).to.equal('ready');
    el.needed = part;
    el.requestUpdate();
    await el.updateComplete;
    expect(shown(el)).to.equal('error: chunk missing');

    el.parts.retry();
    await waitUntil(() => shown(el) === 'loading', 'asked again');
    let settled = false;
    void el.updateComplete.then(() => (settled = true));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(settled, 'updateComplete waits for the part').to.equal(false);
    arrive();
    await el.updateComplete;
    expect(shown(el)).to.equal('ready');
    expect(attempts).to.equal(2);
    expect(getComputedStyle(el.shadowRoot!.querySelector('p')!).color).to.equal('rgb(1, 2, 3)');
  });
});
