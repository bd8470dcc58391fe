import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import { createTable, drillDown, reportSpecSchema, type Conversation, type DrillPageRequest } from '../../core/index.ts';
import { DrillCloseEvent } from '../../events/drill-close-event.ts';
import './drill-dialog.ts';
import type { DrillDialog } from './drill-dialog.ts';
import { drillColumnIds } from './drill-columns.ts';
import { deepActiveElement, openFrom, withOpener } from '../../../test/harness/dialog-harness.ts';

const MINUTE = 60_000;
const BASE = Date.UTC(2026, 2, 2, 9, 0, 0);

function conversation(i: number, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: `c${i}`,
    channel: i % 2 === 0 ? 'chat' : 'email',
    status: i % 3 === 0 ? 'open' : 'closed',
    inboxId: 'inbox-1',
    assigneeId: `agent-${i % 4}`,
    createdAt: BASE + i * MINUTE,
    firstResponseAt: BASE + i * MINUTE + 30_000,
    closedAt: i % 3 === 0 ? null : BASE + i * MINUTE + 3_600_000,
    chatflowId: null,
    pageUrl: null,
    ticketId: null,
    subject: `Subject ${String(i).padStart(5, '0')}`,
    contactName: `Contact ${i}`,
    contactEmail: `contact${i}@example.com`,
    properties: {},
    ...overrides,
  };
}

function conversations(n: number): Conversation[] {
  return Array.from({ length: n }, (_, i) => conversation(i));
}

const dialogOf = (el: DrillDialog) => el.shadowRoot!.querySelector('dialog')!;
const bodyRows = (el: DrillDialog) => [...el.shadowRoot!.querySelectorAll('tbody tr[part="row"]')] as HTMLTableRowElement[];
const firstSubject = (el: DrillDialog) => bodyRows(el)[0]!.querySelector('.subject')!.textContent!.trim();
const headerButton = (el: DrillDialog, column: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`th button[data-column="${column}"]`)!;
const rangeText = (el: DrillDialog) => el.shadowRoot!.querySelector('.range')!.textContent!.trim();
const pagerButtons = (el: DrillDialog) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="pagination"] button')];

async function openDialog(rows: Conversation[], heading = 'Chat volume by assignee — Alice Martin'): Promise<DrillDialog> {
  const el = await fixture<DrillDialog>(
    html`<drill-dialog locale="en-US" time-zone="UTC" .heading=${heading} .conversations=${rows} .columns=${drillColumnIds}></drill-dialog>`,
  );
  await el.show();
  return el;
}

/** An opener button next to the dialog, as a host page would have it. */
async function openedFromButton(rows: Conversation[]): Promise<{ el: DrillDialog; button: HTMLButtonElement }> {
  const { el, opener: button } = await withOpener<DrillDialog>(
    'Show conversations',
    html`<drill-dialog locale="en-US" time-zone="UTC" heading="Volume" .conversations=${rows}></drill-dialog>`,
  );
  await openFrom(button, el);
  return { el, button };
}

describe('<drill-dialog>', () => {
  it('is registered once', () => {
    expect(customElements.get('drill-dialog')).to.exist;
  });

  it('opens modal with the given rows, at most 50 on page 1', async () => {
    const few = await openDialog(conversations(7));
    expect(few.open).to.be.true;
    expect(few.hasAttribute('open')).to.be.true;
    expect(dialogOf(few).open).to.be.true;
    expect(dialogOf(few).matches(':modal')).to.be.true;
    expect(bodyRows(few)).to.have.length(7);

    const many = await openDialog(conversations(75));
    expect(bodyRows(many)).to.have.length(50);
  });

  it('opens when `open` is set and closes when it is cleared', async () => {
    const el = await fixture<DrillDialog>(html`<drill-dialog .conversations=${conversations(3)}></drill-dialog>`);
    expect(dialogOf(el).open).to.be.false;
    el.open = true;
    await el.updateComplete;
    expect(dialogOf(el).matches(':modal')).to.be.true;
    const closed = oneEvent(el, 'close');
    el.open = false;
    await closed;
    expect(dialogOf(el).open).to.be.false;
  });

  it('opens from the open attribute', async () => {
    const el = await fixture<DrillDialog>(html`<drill-dialog open .conversations=${conversations(3)}></drill-dialog>`);
    expect(dialogOf(el).matches(':modal')).to.be.true;
    expect(bodyRows(el)).to.have.length(3);
  });

  it('falls back to the report title, then to the count alone', async () => {
    const el = await fixture<DrillDialog>(html`<drill-dialog
      locale="en-US"
      .spec=${{ id: 'r', title: 'Chat volume' }}
      .conversations=${conversations(3)}
    ></drill-dialog>`);
    const heading = el.shadowRoot!.querySelector('[part="heading"]')!;
    expect(heading.textContent!.trim()).to.equal('Chat volume, 3 conversations');
    el.spec = null;
    await el.updateComplete;
    expect(heading.textContent!.trim()).to.equal('3 conversations');
  });

  it('says which point and how many conversations in the heading', async () => {
    const el = await openDialog(conversations(42));
    const heading = el.shadowRoot!.querySelector('[part="heading"]')!;
    expect(heading.tagName).to.equal('H2');
    expect(heading.textContent!.trim()).to.equal('Chat volume by assignee — Alice Martin, 42 conversations');
    expect(dialogOf(el).getAttribute('aria-labelledby')).to.equal(heading.id);

    el.conversations = conversations(1);
    await el.updateComplete;
    expect(heading.textContent!.trim()).to.equal('Chat volume by assignee — Alice Martin, 1 conversation');
  });

  it('formats the count with Intl', async () => {
    const el = await openDialog(conversations(10_000), 'Volume');
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent!.trim()).to.equal('Volume, 10,000 conversations');
    expect(rangeText(el)).to.equal('1–50 of 10,000');
  });

  it('has a caption and column headers with scope="col"', async () => {
    const el = await openDialog(conversations(3));
    const table = el.shadowRoot!.querySelector('[part="table"]')!;
    expect(table.querySelector('caption')!.textContent).to.contain('Chat volume by assignee');
    const headers = [...table.querySelectorAll('thead th')];
    expect(headers).to.have.length(13);
    for (const th of headers) {
      expect(th.getAttribute('scope')).to.equal('col');
      expect(th.querySelector('button')).to.exist;
    }
    expect(headers.map((th) => th.textContent!.replace(/[▲▼↕]/g, '').trim())).to.deep.equal([
      'Subject / contact', 'Assignee', 'Inbox', 'Channel', 'Status', 'Created', 'First response', 'Closed',
      'Response time', 'Time to close', 'Page URL', 'Chatflow', 'Ticket',
    ]);
  });

  it('shows names from lookups, dates in the time zone and durations', async () => {
    const row = conversation(0, {
      assigneeId: 'a1',
      inboxId: 'i1',
      chatflowId: 'f1',
      createdAt: Date.UTC(2026, 2, 2, 12, 0),
      firstResponseAt: Date.UTC(2026, 2, 2, 12, 2, 5),
      closedAt: Date.UTC(2026, 2, 2, 15, 30),
      ticketId: 'T-9',
    });
    const el = await fixture<DrillDialog>(html`<drill-dialog
      locale="en-US"
      time-zone="Asia/Kolkata"
      .conversations=${[row]}
      .lookups=${{ assignees: [{ id: 'a1', name: 'Alice Martin' }], inboxes: [{ id: 'i1', name: 'Support' }], chatflows: [{ id: 'f1', name: 'Pricing bot' }] }}
      .columns=${drillColumnIds}
    ></drill-dialog>`);
    await el.show();
    const cell = (column: string) => bodyRows(el)[0]!.querySelector(`td.col-${column}`)!.textContent!.replace(/\s+/g, ' ').trim();
    expect(cell('subject')).to.contain('Subject 00000');
    expect(cell('subject')).to.contain('Contact 0');
    expect(cell('subject')).to.contain('contact0@example.com');
    expect(cell('assignee')).to.equal('Alice Martin');
    expect(cell('inbox')).to.equal('Support');
    expect(cell('chatflow')).to.equal('Pricing bot');
    expect(cell('channel')).to.equal('Chat');
    expect(cell('status')).to.equal('Open');
    // 12:00 UTC is 17:30 in India.
    expect(cell('createdAt')).to.contain('5:30');
    expect(cell('createdAt')).to.contain('PM');
    expect(cell('responseTime')).to.equal('2 min 5 s');
    expect(cell('timeToClose')).to.equal('3 h 30 min');
    expect(cell('ticket')).to.equal('T-9');
  });

  it('sorts by a column, toggling asc/desc with aria-sort, missing values last', async () => {
    const rows = [
      conversation(0, { subject: 'banana' }),
      conversation(1, { subject: null }),
      conversation(2, { subject: 'Apple' }),
      conversation(3, { subject: 'cherry' }),
    ];
    const el = await openDialog(rows);
    expect(firstSubject(el)).to.equal('banana');
    const th = headerButton(el, 'subject').closest('th')!;
    expect(th.hasAttribute('aria-sort')).to.be.false;

    headerButton(el, 'subject').click();
    await el.updateComplete;
    expect(th.getAttribute('aria-sort')).to.equal('ascending');
    expect(bodyRows(el).map((r) => r.querySelector('.subject')!.textContent!.trim())).to.deep.equal([
      'Apple', 'banana', 'cherry', '(no subject)',
    ]);

    headerButton(el, 'subject').click();
    await el.updateComplete;
    expect(th.getAttribute('aria-sort')).to.equal('descending');
    expect(bodyRows(el).map((r) => r.querySelector('.subject')!.textContent!.trim())).to.deep.equal([
      'cherry', 'banana', 'Apple', '(no subject)',
    ]);

    headerButton(el, 'createdAt').click();
    await el.updateComplete;
    expect(th.hasAttribute('aria-sort')).to.be.false;
    expect(headerButton(el, 'createdAt').closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
  });

  it('sorts durations numerically with open conversations last', async () => {
    const rows = [
      conversation(0, { closedAt: null }),
      conversation(1, { closedAt: BASE + MINUTE + 10 * 60_000 }),
      conversation(2, { closedAt: BASE + 2 * MINUTE + 2 * 60_000 }),
    ];
    const el = await openDialog(rows);
    headerButton(el, 'timeToClose').click();
    await el.updateComplete;
    expect(bodyRows(el).map((r) => r.querySelector('.subject')!.textContent!.trim())).to.deep.equal([
      'Subject 00002', 'Subject 00001', 'Subject 00000',
    ]);
    headerButton(el, 'timeToClose').click();
    await el.updateComplete;
    expect(bodyRows(el).map((r) => r.querySelector('.subject')!.textContent!.trim())).to.deep.equal([
      'Subject 00001', 'Subject 00002', 'Subject 00000',
    ]);
  });

  it('sorts 10 000 rows quickly and keeps one page in the DOM', async () => {
    const el = await openDialog(conversations(10_000), 'Volume');
    expect(bodyRows(el)).to.have.length(50);
    const started = performance.now();
    headerButton(el, 'subject').click();
    await el.updateComplete;
    headerButton(el, 'subject').click();
    await el.updateComplete;
    const elapsed = performance.now() - started;
    expect(firstSubject(el)).to.equal('Subject 09999');
    expect(bodyRows(el)).to.have.length(50);
    expect(elapsed, `two sorts took ${elapsed} ms`).to.be.below(1_000);
  });

  it('paginates 120 rows into 3 pages of 50, 50 and 20', async () => {
    const el = await openDialog(conversations(120));
    const [previous, next] = pagerButtons(el);
    expect(el.shadowRoot!.querySelector('[part="pagination"]')).to.exist;
    expect(rangeText(el)).to.equal('1–50 of 120');
    expect(previous!.disabled).to.be.true;
    expect(firstSubject(el)).to.equal('Subject 00000');

    next!.click();
    await el.updateComplete;
    expect(rangeText(el)).to.equal('51–100 of 120');
    expect(bodyRows(el)).to.have.length(50);
    expect(firstSubject(el)).to.equal('Subject 00050');
    expect(previous!.disabled).to.be.false;

    next!.click();
    await el.updateComplete;
    expect(rangeText(el)).to.equal('101–120 of 120');
    expect(bodyRows(el)).to.have.length(20);
    expect(next!.disabled).to.be.true;

    previous!.click();
    await el.updateComplete;
    expect(rangeText(el)).to.equal('51–100 of 120');
  });

  it('goes back to page 1 when sorted', async () => {
    const el = await openDialog(conversations(120));
    pagerButtons(el)[1]!.click();
    await el.updateComplete;
    headerButton(el, 'createdAt').click();
    await el.updateComplete;
    expect(rangeText(el)).to.equal('1–50 of 120');
  });

  it('closes on Escape, fires close and returns focus to the opener', async () => {
    const { el, button } = await openedFromButton(conversations(5));
    expect(dialogOf(el).matches(':modal')).to.be.true;
    expect(deepActiveElement()).to.not.equal(button);
    let event: Event | undefined;
    el.parentElement!.addEventListener('close', (e) => (event = e));
    const closed = oneEvent(el, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(event).to.be.instanceOf(DrillCloseEvent);
    expect(event!.bubbles).to.be.true;
    expect(event!.composed).to.be.true;
    expect(el.open).to.be.false;
    expect(el.hasAttribute('open')).to.be.false;
    expect(dialogOf(el).open).to.be.false;
    expect(document.activeElement).to.equal(button);
  });

  it('returns focus to an opener inside the shadow root of another component', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <div id="host"></div>
      <drill-dialog heading="Volume" .conversations=${conversations(2)}></drill-dialog>
    </div>`);
    const el = wrapper.querySelector('drill-dialog')!;
    const root = wrapper.querySelector('#host')!.attachShadow({ mode: 'open' });
    const button = document.createElement('button');
    button.textContent = 'Drill';
    root.append(button);
    button.focus();
    await el.show();
    const closed = oneEvent(el, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(root.activeElement).to.equal(button);
  });

  it('closes with the close button the same way', async () => {
    const { el, button } = await openedFromButton(conversations(5));
    const close = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!;
    expect(close.textContent!.trim()).to.equal('Close');
    const closed = oneEvent(el, 'close');
    close.click();
    const event = await closed;
    expect(event).to.be.instanceOf(DrillCloseEvent);
    expect(el.open).to.be.false;
    expect(dialogOf(el).open).to.be.false;
    expect(document.activeElement).to.equal(button);
  });

  it('hide() resolves after closing and firing close', async () => {
    const el = await openDialog(conversations(2));
    let fired = 0;
    el.addEventListener('close', () => fired++);
    await el.hide();
    expect(fired).to.equal(1);
    expect(dialogOf(el).open).to.be.false;
    await el.hide();
    expect(fired).to.equal(1);
  });

  it('renders hostile text as text and never links javascript: URLs', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    const hostile = conversation(0, {
      subject: payload,
      contactName: payload,
      contactEmail: payload,
      assigneeId: 'evil',
      inboxId: payload,
      ticketId: payload,
      pageUrl: 'javascript:alert(1)',
    });
    const dataUrl = conversation(1, { pageUrl: 'data:text/html,<script>window.__xss=1</script>' });
    const el = await fixture<DrillDialog>(html`<drill-dialog
      .conversations=${[hostile, dataUrl]}
      .heading=${payload}
      .lookups=${{ assignees: [{ id: 'evil', name: payload }] }}
      .columns=${drillColumnIds}
    ></drill-dialog>`);
    await el.show();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const dialog = dialogOf(el);
    expect(dialog.querySelector('img')).to.be.null;
    expect((window as unknown as { __xss?: unknown }).__xss).to.be.undefined;
    expect(dialog.querySelector('a[href^="javascript"]')).to.be.null;
    expect(dialog.querySelector('a[href^="data"]')).to.be.null;
    expect(dialog.querySelectorAll('a')).to.have.length(0);
    const row = bodyRows(el)[0]!;
    expect(row.querySelector('.subject')!.textContent).to.equal(payload);
    expect(row.querySelector('td.col-assignee')!.textContent!.trim()).to.equal(payload);
    expect(row.querySelector('td.col-pageUrl')!.textContent!.trim()).to.equal('javascript:alert(1)');
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.contain(payload);
  });

  it('links http(s) page URLs safely, shortening long ones with the full text in title', async () => {
    const long = `https://example.com/pricing/${'a'.repeat(100)}?utm_source=x`;
    const el = await openDialog([conversation(0, { pageUrl: long }), conversation(1, { pageUrl: 'http://example.com/' })]);
    const links = [...el.shadowRoot!.querySelectorAll('a')];
    expect(links).to.have.length(2);
    for (const link of links) {
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.getAttribute('target')).to.equal('_blank');
    }
    expect(links[0]!.getAttribute('href')).to.equal(long);
    expect(links[0]!.getAttribute('title')).to.equal(long);
    const hint = links[0]!.querySelector('.visually-hidden')!.textContent!;
    expect(hint.trim()).to.equal('(opens in a new tab)');
    const shown = links[0]!.textContent!.replace(hint, '');
    expect([...shown].length).to.be.at.most(60);
    expect(shown.endsWith('…')).to.be.true;
  });

  it('exports every row, full text, with CSV quoting and formula neutralisation', async () => {
    const rows = conversations(120);
    rows[0] = conversation(0, {
      subject: '=HYPERLINK("http://x")',
      contactName: 'Doe, Jane',
      contactEmail: '@SUM(A1)',
      pageUrl: `https://example.com/${'p'.repeat(200)}`,
    });
    rows[1] = conversation(1, { subject: '-2+3', contactName: '+cmd' });
    const el = await openDialog(rows);
    const csv = el.toCsv();
    const lines = csv.split('\r\n');
    expect(lines).to.have.length(122);
    expect(lines[0]!.startsWith('id,subject,contactName,contactEmail,assigneeId,assigneeName')).to.be.true;
    expect(lines[1]).to.contain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[1]).to.contain('"Doe, Jane"');
    expect(lines[1]).to.contain("'@SUM(A1)");
    expect(lines[1]).to.contain(`https://example.com/${'p'.repeat(200)}`);
    expect(lines[1]).to.contain(new Date(rows[0].createdAt).toISOString());
    expect(lines[2]).to.contain("'-2+3");
    expect(lines[2]).to.contain("'+cmd");
    // responseTimeMs is a number, written as such.
    expect(lines[1]).to.contain(',30000,');
  });

  it('exports in the displayed order', async () => {
    const el = await openDialog(conversations(3));
    headerButton(el, 'createdAt').click();
    await el.updateComplete;
    headerButton(el, 'createdAt').click();
    await el.updateComplete;
    const ids = el.toCsv().split('\r\n').slice(1, 4).map((line) => line.split(',')[0]);
    expect(ids).to.deep.equal(['c2', 'c1', 'c0']);
  });

  it('downloads the CSV through a temporary link and revokes its URL', async () => {
    const el = await openDialog(conversations(3));
    const created: Blob[] = [];
    const revoked: string[] = [];
    const clicked: HTMLAnchorElement[] = [];
    const originals = {
      create: URL.createObjectURL,
      revoke: URL.revokeObjectURL,
      click: HTMLAnchorElement.prototype.click,
    };
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      created.push(blob as Blob);
      return 'blob:test-url';
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="export-button"]')!.click();
      expect(clicked).to.have.length(1);
      expect(clicked[0]!.download).to.equal('Chat volume by assignee — Alice Martin.csv');
      expect(clicked[0]!.getAttribute('href')).to.equal('blob:test-url');
      expect(clicked[0]!.isConnected).to.be.false;
      const text = await created[0]!.text();
      expect(text.replace(/^\uFEFF/, '')).to.equal(el.toCsv());
      await waitUntil(() => revoked.length > 0, 'the URL is revoked');
      expect(revoked).to.deep.equal(['blob:test-url']);
    } finally {
      URL.createObjectURL = originals.create;
      URL.revokeObjectURL = originals.revoke;
      HTMLAnchorElement.prototype.click = originals.click;
    }
  });

  it('exposes the documented parts', async () => {
    const el = await openDialog(conversations(2));
    for (const part of ['dialog', 'heading', 'table', 'row', 'close-button', 'export-button', 'pagination']) {
      expect(el.shadowRoot!.querySelector(`[part~="${part}"]`), part).to.exist;
    }
  });

  it('shows an empty state with no conversations', async () => {
    const el = await openDialog([], 'Volume');
    expect(bodyRows(el)).to.have.length(0);
    expect(el.shadowRoot!.querySelector('td.empty')!.textContent!.trim()).to.equal('No conversations.');
    expect(rangeText(el)).to.equal('0–0 of 0');
  });

  it('survives an invalid time zone and locale', async () => {
    const el = await fixture<DrillDialog>(html`<drill-dialog
      locale="not a locale!"
      time-zone="Mars/Olympus"
      .conversations=${conversations(2)}
    ></drill-dialog>`);
    await el.show();
    expect(bodyRows(el)).to.have.length(2);
  });

  it('is accessible when open', async () => {
    const el = await openDialog(conversations(60));
    await expect(el).to.be.accessible();
  });

  it('is accessible when closed', async () => {
    const el = await fixture<DrillDialog>(html`<drill-dialog .conversations=${conversations(3)}></drill-dialog>`);
    await expect(el).to.be.accessible();
    await el.show();
    await el.hide();
    await expect(el).to.be.accessible();
  });
});

describe('drill-dialog asking one page at a time (loadPage)', () => {
  // 180 conversations in a real table: the pages come from core's drillDown, as the Worker or a server gives them.
  const all = conversations(180);
  const table = createTable(all);
  const spec = reportSpecSchema.parse({ id: 'r', title: 'All', chartType: 'kpi', measure: { op: 'count' } });
  const context = { range: { from: BASE, to: BASE + 1_000 * MINUTE }, timeZone: 'UTC' };

  async function paged(): Promise<{ el: DrillDialog; requests: DrillPageRequest[] }> {
    const requests: DrillPageRequest[] = [];
    const loadPage = async (request: DrillPageRequest) => {
      requests.push(request);
      return drillDown(table, spec, context, { key: '__all__' }, request);
    };
    const el = await fixture<DrillDialog>(html`<drill-dialog locale="en-US" time-zone="UTC" .loadPage=${loadPage}></drill-dialog>`);
    await el.show();
    await waitUntil(() => bodyRows(el).length > 0, 'the first page is shown');
    return { el, requests };
  }

  it('shows the first page and the total, and asks for the next page only when asked', async () => {
    const { el, requests } = await paged();
    expect(bodyRows(el)).to.have.length(50);
    expect(rangeText(el)).to.equal('1–50 of 180');
    expect(requests).to.deep.equal([{ offset: 0, limit: 50, search: '' }]);
    pagerButtons(el)[1]!.click();
    await waitUntil(() => rangeText(el) === '51–100 of 180');
    expect(requests.at(-1)).to.deep.equal({ offset: 50, limit: 50, search: '' });
    expect(firstSubject(el)).to.equal('Subject 00050');
  });

  it('sorts and searches through the request, from a labelled search box', async () => {
    const { el, requests } = await paged();
    headerButton(el, 'subject').click();
    headerButton(el, 'subject').click();
    await waitUntil(() => firstSubject(el) === 'Subject 00179');
    expect(requests.at(-1)).to.deep.equal({ offset: 0, limit: 50, search: '', sort: { by: 'subject', direction: 'desc' } });
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input[part="search"]')!;
    expect(search.closest('label')!.textContent).to.contain('Search conversations');
    search.focus();
    await sendKeys({ type: 'CONTACT17' });
    await waitUntil(() => rangeText(el) === '1–11 of 11');
    expect(requests.at(-1)!.search).to.equal('CONTACT17');
    expect(firstSubject(el)).to.equal('Subject 00179');
    await expect(el).to.be.accessible();
  });

  it('exports every row by paging through them, in the shown order', async () => {
    const { el, requests } = await paged();
    headerButton(el, 'createdAt').click();
    headerButton(el, 'createdAt').click();
    await waitUntil(() => firstSubject(el) === 'Subject 00179');
    const before = requests.length;
    const csv = await el.exportCsvText();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).to.have.length(181);
    expect(lines[1]).to.match(/^c179,/);
    expect(lines[180]).to.match(/^c0,/);
    expect(requests.slice(before)).to.deep.equal([{ offset: 0, limit: 1000, search: '', sort: { by: 'createdAt', direction: 'desc' } }]);
  });

  it('keeps paging when the loader gives fewer rows than asked (a capped server)', async () => {
    const loadPage = async (request: DrillPageRequest) => drillDown(table, spec, context, { key: '__all__' }, { ...request, limit: Math.min(request.limit ?? 50, 40) });
    const el = await fixture<DrillDialog>(html`<drill-dialog locale="en-US" time-zone="UTC" .loadPage=${loadPage}></drill-dialog>`);
    const csv = await el.exportCsvText();
    expect(csv.trim().split(/\r?\n/)).to.have.length(181);
  });

  it('shows the loader\'s error in the dialog', async () => {
    const el = await fixture<DrillDialog>(html`<drill-dialog locale="en-US" .loadPage=${async () => Promise.reject(new Error('The server said no'))}></drill-dialog>`);
    await el.show();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'));
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('The server said no');
  });

  it('(v2) shows a narrower set of columns by default, and a labelled chooser changes them', async () => {
    const el = await fixture<DrillDialog>(html`<drill-dialog locale="en-US" time-zone="UTC" .conversations=${conversations(3)}></drill-dialog>`);
    await el.show();
    const headers = () => [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.replace(/[▲▼↕]/g, '').trim());
    expect(headers()).to.deep.equal(['Subject / contact', 'Assignee', 'Inbox', 'Status', 'Created', 'Response time']);
    const chooser = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part="columns"]')!;
    chooser.querySelector('summary')!.click();
    await el.updateComplete;
    const box = (id: string) => chooser.querySelector<HTMLInputElement>(`input[data-column="${id}"]`)!;
    expect(box('pageUrl').closest('label')!.textContent!.trim()).to.equal('Page URL');
    box('pageUrl').focus();
    await sendKeys({ press: 'Space' });
    box('inbox').click();
    await el.updateComplete;
    expect(headers()).to.deep.equal(['Subject / contact', 'Assignee', 'Status', 'Created', 'Response time', 'Page URL']);
    expect(bodyRows(el)[0]!.querySelectorAll('td')).to.have.length(6);
    await expect(el).to.be.accessible();
  });

  it('(v2) links each subject to the conversation in the host inbox, id URL-encoded, http(s) only', async () => {
    const rows = [conversation(0, { id: 'a/b c?d' }), conversation(1)];
    const el = await fixture<DrillDialog>(html`<drill-dialog
      locale="en-US"
      time-zone="UTC"
      conversation-url="https://app.example.com/inbox/{id}?from=reports"
      .conversations=${rows}
    ></drill-dialog>`);
    await el.show();
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="conversation-link"]')];
    expect(links).to.have.length(2);
    const first = links.find((a) => a.href.includes('a%2Fb'))!;
    expect(first.getAttribute('href')).to.equal('https://app.example.com/inbox/a%2Fb%20c%3Fd?from=reports');
    expect(first.rel).to.contain('noopener');
    expect(first.textContent).to.contain('Subject 00000');
    await expect(el).to.be.accessible();

    for (const template of ['javascript:alert("{id}")', 'data:text/html,{id}', '/inbox/{id}', 'https://app.example.com/inbox']) {
      el.conversationUrl = template;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part="conversation-link"]'), template).to.have.length(0);
    }
  });
});
