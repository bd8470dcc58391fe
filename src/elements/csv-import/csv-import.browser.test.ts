import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './csv-import.ts';
import type { CsvImport } from './csv-import.ts';
import { chooseFile as choose } from '../../../test/harness/csv-import-harness.ts';
import { CsvLoadEvent } from '../../events/csv-load-event.ts';

const EXPORT = [
  'Conversation ID,Channel,State,Inbox,Assigned to,Created,First reply at,Resolved at,Plan',
  'c-1,chat,closed,support,agent-1,2026-03-02T09:14:05Z,2026-03-02T09:16:47Z,2026-03-02T09:40:11Z,pro',
  'c-2,email,open,sales,,2026-03-03T10:00:00Z,,,basic',
  'c-3,chat,opened,sales,,2026-03-04T10:00:00Z,,,basic',
].join('\n');

const root = (el: CsvImport) => el.shadowRoot!;
const select = (el: CsvImport, field: string) => root(el).querySelector<HTMLSelectElement>(`select[data-field="${field}"]`)!;
const loadButton = (el: CsvImport) => root(el).querySelector<HTMLButtonElement>('[part="load-button"]')!;
const statusText = (el: CsvImport) => root(el).querySelector('[part="status"]')!.textContent!.trim();

describe('csv-import', () => {
  it('is accessible before and after a file is chosen', async () => {
    const el = await fixture<CsvImport>(html`<csv-import locale="en" time-zone="UTC"></csv-import>`);
    await expect(el).to.be.accessible();
    await choose(el, EXPORT);
    await expect(el).to.be.accessible();
  });

  it('shows each field with the column matched by its header', async () => {
    const el = await fixture<CsvImport>(html`<csv-import locale="en"></csv-import>`);
    await choose(el, EXPORT);
    expect(statusText(el)).to.equal('export.csv: 3 rows, 9 columns.');
    expect(select(el, 'id').value).to.equal('Conversation ID');
    expect(select(el, 'status').value).to.equal('State');
    expect(select(el, 'assigneeId').value).to.equal('Assigned to');
    expect(select(el, 'pageUrl').value).to.equal('');
    const label = root(el).querySelector('label[for="field-assigneeId"]')!.textContent!.trim();
    expect(label).to.equal('Assignee');
    expect(root(el).querySelector('[part="problems"]')!.textContent).to.contain('Line 4: Status must be "open" or "closed"');
  });

  it('lets the user change a column; a required field without one disables Load and says why', async () => {
    const el = await fixture<CsvImport>(html`<csv-import locale="en"></csv-import>`);
    await choose(el, EXPORT);
    const inbox = select(el, 'inboxId');
    inbox.value = '';
    inbox.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.source!.mapping.inboxId).to.equal(null);
    expect(loadButton(el).disabled).to.equal(true);
    expect(root(el).querySelector('#missing')!.textContent).to.contain('Inbox');
    inbox.value = 'Plan';
    inbox.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.source!.mapping.inboxId).to.equal('Plan');
    expect(loadButton(el).disabled).to.equal(false);
  });

  it('fires csv-load with the source when Load is pressed', async () => {
    const el = await fixture<CsvImport>(html`<csv-import locale="en"></csv-import>`);
    await choose(el, EXPORT);
    setTimeout(() => loadButton(el).click());
    const event = (await oneEvent(el, 'csv-load')) as CsvLoadEvent;
    expect(event).to.be.instanceOf(CsvLoadEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.source).to.equal(el.source);
    expect(event.detail.source.rowCount).to.equal(3);
    await el.updateComplete;
    expect(statusText(el)).to.equal('Loaded 2 rows.');
  });

  it('renders headers and values from the file as text only', async () => {
    const el = await fixture<CsvImport>(html`<csv-import locale="en"></csv-import>`);
    const hostile = '<img src=x onerror="window.__pwned = true">';
    await choose(el, `id,channel,status,inboxId,createdAt,"${hostile.replaceAll('"', '""')}"\n1,chat,nope,a,2026-03-01T10:00:00Z,x\n`, '<b>evil</b>.csv');
    expect(root(el).querySelector('img')).to.equal(null);
    expect(root(el).querySelector('b')).to.equal(null);
    const options = [...select(el, 'subject').options].map((option) => option.textContent);
    expect(options).to.include(hostile);
    expect(statusText(el)).to.contain('<b>evil</b>.csv');
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('says so when a file has no rows', async () => {
    const el = await fixture<CsvImport>(html`<csv-import locale="en"></csv-import>`);
    await choose(el, 'id,channel\n');
    expect(statusText(el)).to.equal('The file has no rows under its header.');
  });

  it('keeps the file chosen last when an earlier file is read more slowly', async () => {
    const el = await fixture<CsvImport>(html`<csv-import locale="en" time-zone="UTC"></csv-import>`);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    class SlowFile extends File {
      override arrayBuffer(): Promise<ArrayBuffer> {
        return gate.then(() => super.arrayBuffer());
      }
    }
    const slow = el.readFile(new SlowFile([EXPORT], 'old.csv', { type: 'text/csv' }));
    const newer = EXPORT.split('\n').slice(0, 2).join('\n');
    await el.readFile(new File([newer], 'new.csv', { type: 'text/csv' }));
    release();
    await slow;
    await el.updateComplete;
    expect(el.source!.rowCount).to.equal(1);
    expect(statusText(el)).to.equal('new.csv: 1 row, 9 columns.');
  });
});
