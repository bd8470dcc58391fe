import { expect, fixture, html } from '@open-wc/testing';
import './conversation-dashboard.ts';
import type { ConversationDashboard } from './conversation-dashboard.ts';
import { ArrayDataSource } from '../../adapters/array-data-source.ts';

const NOW = Date.UTC(2026, 11, 5, 12);

async function pickRange(el: ConversationDashboard, from: string, to: string): Promise<void> {
  // The range is <cr-range-picker part="range">; its controls are in its own shadow root.
  const root = el.shadowRoot!.querySelector('[part="range"]')!.shadowRoot!;
  const select = root.querySelector<HTMLSelectElement>('select')!;
  select.value = 'custom';
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
  const form = root.querySelector<HTMLFormElement>('form.custom-range')!;
  form.querySelector<HTMLInputElement>('[name="from"]')!.value = from;
  form.querySelector<HTMLInputElement>('[name="to"]')!.value = to;
  form.requestSubmit();
  await el.updateComplete;
}

const shownDays = (el: ConversationDashboard) =>
  [...el.shadowRoot!.querySelector('[part="range"]')!.shadowRoot!.querySelectorAll<HTMLInputElement>('form.custom-range input[type="date"]')].map((input) => input.value);

describe('<conversation-dashboard> custom range across time zones', () => {
  it('keeps 1–30 Nov as local dates when the zone changes from Amsterdam to New York', async () => {
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="Europe/Amsterdam" .now=${NOW} .dataSource=${new ArrayDataSource([])}></conversation-dashboard>`,
    );
    await pickRange(el, '2026-11-01', '2026-11-30');
    expect(el.resolvedRange).to.deep.equal({ from: Date.UTC(2026, 9, 31, 23), to: Date.UTC(2026, 10, 30, 23) });

    el.timeZone = 'America/New_York';
    await el.updateComplete;
    expect(shownDays(el)).to.deep.equal(['2026-11-01', '2026-11-30']);
    expect(el.resolvedRange).to.deep.equal({ from: Date.UTC(2026, 10, 1, 4), to: Date.UTC(2026, 11, 1, 5) });
  });

  it('leaves a range the host set itself alone when the zone changes', async () => {
    const range = { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1) };
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="Europe/Amsterdam" .now=${NOW} .range=${range} .dataSource=${new ArrayDataSource([])}></conversation-dashboard>`,
    );
    el.timeZone = 'America/New_York';
    await el.updateComplete;
    expect(el.resolvedRange).to.deep.equal(range);
  });
});
