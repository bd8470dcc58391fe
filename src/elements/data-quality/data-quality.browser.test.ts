import { expect, fixture, html } from '@open-wc/testing';
import './data-quality.ts';
import type { DataQuality } from './data-quality.ts';
import type { ParseError } from '../../core/wire/parse-conversations.ts';

const rejected = (n: number): ParseError[] =>
  Array.from({ length: n }, (_, index) => ({ index, id: `bad-${index}`, field: 'status', message: 'must be "open" or "closed"', problems: [{ field: 'status', message: 'must be "open" or "closed"' }] }) as ParseError);

describe('<cr-data-quality>', () => {
  it('shows nothing while no record was rejected', async () => {
    const el = await fixture<DataQuality>(html`<cr-data-quality locale="en"></cr-data-quality>`);
    expect(el.shadowRoot!.querySelector('details')).to.equal(null);
  });

  it('counts every rejected record, lists the first hundred, and saves them all as CSV', async () => {
    const el = await fixture<DataQuality>(html`<cr-data-quality locale="en" .rejected=${rejected(150)}></cr-data-quality>`);
    expect(el.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.contain('150 records rejected');
    expect(el.shadowRoot!.querySelectorAll('li').length).to.equal(100);
    const saved: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => (saved.push(blob), 'blob:test');
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="download"]')!.click();
    } finally {
      URL.createObjectURL = create;
    }
    const lines = (await saved[0]!.text()).trim().split(/\r?\n/);
    expect(lines.length).to.equal(151);
    expect(lines[1]).to.contain('bad-0');
    await expect(el).to.be.accessible();
  });
});
