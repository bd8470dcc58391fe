import { expect, fixture, html } from '@open-wc/testing';
import './range-picker.ts';
import type { RangePicker } from './range-picker.ts';
import type { RangeSelectEvent } from '../../events/range-select-event.ts';

describe('<cr-range-picker>', () => {
  it('asks for a preset, and for custom days as local dates in its zone', async () => {
    const el = await fixture<RangePicker>(html`<cr-range-picker locale="en" time-zone="Europe/Amsterdam" .range=${'last-30-days'}></cr-range-picker>`);
    const asked: RangeSelectEvent[] = [];
    el.addEventListener('range-select', (event) => asked.push(event));
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part="presets"]')!;
    select.value = 'this-month';
    select.dispatchEvent(new Event('change'));
    expect(asked.map((event) => event.range)).to.deep.equal(['this-month']);

    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const form = el.shadowRoot!.querySelector<HTMLFormElement>('[part="custom"]')!;
    form.querySelector<HTMLInputElement>('[name="from"]')!.value = '2026-11-01';
    form.querySelector<HTMLInputElement>('[name="to"]')!.value = '2026-11-30';
    form.requestSubmit();
    expect(asked[1]!.range).to.deep.equal({ from: Date.UTC(2026, 9, 31, 23), to: Date.UTC(2026, 10, 30, 23) });
    expect(asked[1]!.days).to.deep.equal({ from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 30) });
    expect(asked[1]!.cancelable).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says so when the last day comes before the first', async () => {
    const el = await fixture<RangePicker>(html`<cr-range-picker locale="en" time-zone="UTC" .range=${{ from: 0, to: 86_400_000 }}></cr-range-picker>`);
    let asked = 0;
    el.addEventListener('range-select', () => asked++);
    const form = el.shadowRoot!.querySelector<HTMLFormElement>('[part="custom"]')!;
    form.querySelector<HTMLInputElement>('[name="from"]')!.value = '2026-11-30';
    form.querySelector<HTMLInputElement>('[name="to"]')!.value = '2026-11-01';
    form.requestSubmit();
    await el.updateComplete;
    expect(asked).to.equal(0);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
  });
});
