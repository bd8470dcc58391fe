import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import { reportSpecSchema } from '../../core/schema/report-spec.ts';
import { templateReports, templates } from '../../core/dashboard/templates.ts';
import type { ReportAddEvent } from '../../events/report-add-event.ts';
import type { ReportCreateCustomEvent } from '../../events/report-create-custom-event.ts';
import './report-library.ts';
import type { ReportLibrary } from './report-library.ts';
import { copyReport, isCopyOf } from './report-copy.ts';
import { $, $$, deepActiveElement, openFrom, withOpener } from '../../../test/harness/dialog-harness.ts';

const item = (el: ReportLibrary, id: string) => $(el, `[part="report"][data-report-id="${id}"]`)!;

async function setup(existingIds: string[] = []) {
  const { el, opener } = await withOpener<ReportLibrary>('Add report', html`<report-library locale="en" .existingIds=${existingIds}></report-library>`);
  await openFrom(opener, el);
  return { el, opener };
}

describe('<report-library>', () => {
  it('lists every template report grouped by template, with title and description, plus Custom report', async () => {
    const { el } = await setup();
    const groups = $$(el, '[part="group"]');
    expect(groups.map((g) => g.querySelector('h3')!.textContent)).to.deep.equal(['Chat overview', 'Email overview', 'Team performance']);
    expect(groups[0]!.querySelectorAll('[part="report"]')).to.have.length(6);
    expect($$(el, '[part="report"]').map((li) => li.dataset['reportId'])).to.deep.equal(templateReports.map((r) => r.id));
    const first = item(el, 'chat-volume-by-page-url');
    expect(first.querySelector('.title')!.textContent).to.equal('Chat volume by URL');
    expect(first.querySelector('.hint')!.textContent).to.contain('page URL');
    expect($(el, '[part="custom-button"]')!.textContent!.trim()).to.equal('Create custom report');
    expect(deepActiveElement()).to.equal($(el, '[part="add-button"]'));
    await expect(el).to.be.accessible();
  });

  it('adds a copy of a template report with a fresh, unique id, then closes', async () => {
    const { el, opener } = await setup();
    const button = item(el, 'open-emails-by-inbox').querySelector<HTMLButtonElement>('[part="add-button"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Add “Open emails by inbox”');
    const added = oneEvent(el, 'report-add') as Promise<ReportAddEvent>;
    button.click();
    const event = await added;
    const { spec, sourceId } = event.detail;
    expect(event.bubbles && event.composed).to.be.true;
    expect(sourceId).to.equal('open-emails-by-inbox');
    expect(spec.id).to.not.equal('open-emails-by-inbox');
    expect(isCopyOf(spec.id, 'open-emails-by-inbox')).to.be.true;
    const { id: _id, ...rest } = spec;
    const { id: _source, ...template } = templates.emailOverview.reports[5]!;
    expect(rest).to.deep.equal(template);
    expect(reportSpecSchema.safeParse(spec).success).to.be.true;
    // A copy: changing it leaves the template alone.
    spec.filters.push({ property: 'inboxId', operator: 'is', value: 'x' });
    expect(templates.emailOverview.reports[5]!.filters).to.have.length(1);
    await waitUntil(() => !el.open, 'closes after adding');
    expect(document.activeElement).to.equal(opener);
  });

  it('gives each copy its own id', () => {
    const spec = templates.chatOverview.reports[0]!;
    const ids = new Set(Array.from({ length: 50 }, () => copyReport(spec).id));
    expect(ids.size).to.equal(50);
    expect(isCopyOf('chat-volume-by-assignee', 'chat-volume-by-assignee')).to.be.true;
    expect(isCopyOf('chat-volume-by-assignee-2', 'chat-volume-by-assignee')).to.be.false;
  });

  it('adds by keyboard', async () => {
    const { el } = await setup();
    const added = oneEvent(el, 'report-add') as Promise<ReportAddEvent>;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect((await added).detail.sourceId).to.equal('chat-volume-by-page-url');
  });

  it('fires report-create-custom for "Custom report"', async () => {
    const { el, opener } = await setup();
    const custom = oneEvent(el, 'report-create-custom') as Promise<ReportCreateCustomEvent>;
    $<HTMLButtonElement>(el, '[part="custom-button"]')!.click();
    const event = await custom;
    expect(event.type).to.equal('report-create-custom');
    expect(event.bubbles && event.composed).to.be.true;
    await waitUntil(() => !el.open, 'closes after choosing');
    expect(document.activeElement).to.equal(opener);
  });

  it('marks reports already on the dashboard, as stored by the wizard or copied from here', async () => {
    const copy = copyReport(templates.chatOverview.reports[2]!);
    const { el } = await setup(['chat-volume-by-assignee', copy.id, 'some-custom-report']);
    const marked = $$(el, '[part="report"]').filter((li) => li.querySelector('[part="on-dashboard"]'));
    expect(marked.map((li) => li.dataset['reportId'])).to.deep.equal(['chat-volume-by-assignee', 'chat-response-time-by-assignee']);
    const button = item(el, 'chat-volume-by-assignee').querySelector('[part="add-button"]')!;
    const describedBy = button.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => $(el, `#${id}`)!.textContent)).to.include('On this dashboard');
    await expect(el).to.be.accessible();
  });

  it('closes on Escape and returns focus', async () => {
    const { el, opener } = await setup();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open, 'Escape closes');
    expect(document.activeElement).to.equal(opener);
  });

  it('show() resolves when the library was shown and closed again before show() resumed', async () => {
    const el = await fixture<ReportLibrary>(html`<report-library locale="en"></report-library>`);
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    // Closed in the microtask after showModal(), before the update promise that show() awaits settles.
    const observer = new MutationObserver(() => {
      if (dialog.open) dialog.close();
    });
    observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
    let failure: unknown = null;
    await el.show().catch((error: unknown) => (failure = error));
    observer.disconnect();
    expect(failure).to.equal(null);
    await waitUntil(() => !el.open, 'the close is seen');
  });

  it('show() rejects when the library cannot be shown', async () => {
    const el = await fixture<ReportLibrary>(html`<report-library locale="en"></report-library>`);
    // Without its <dialog> there is nothing to show.
    $<HTMLDialogElement>(el, 'dialog')!.remove();
    let failure: unknown = null;
    await el.show().catch((error: unknown) => (failure = error));
    expect(String(failure)).to.contain('could not be shown');
    expect(el.open).to.equal(false);
  });
});
