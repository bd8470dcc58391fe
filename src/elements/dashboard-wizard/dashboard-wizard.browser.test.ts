import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import type { DashboardUser } from '../../core/schema/dashboard.ts';
import { templates } from '../../core/dashboard/templates.ts';
import type { DashboardCreateEvent } from '../../events/dashboard-create-event.ts';
import type { DataErrorEvent } from '../../events/data-error-event.ts';
import { registerCatalog } from '../../i18n/translate.ts';
import type { DashboardStore } from '../../store/dashboard-store.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../store/errors.ts';
import { MemoryDashboardStore } from '../../store/memory-dashboard-store.ts';
import './dashboard-wizard.ts';
import type { DashboardWizard } from './dashboard-wizard.ts';
import { outsiderOfBoth as outsider, ownerOfTwoTeams as owner, teammate, viewer } from '../../../test/harness/users.ts';
import { $, $$, deepActiveElement, openFrom, typeInto, withOpener } from '../../../test/harness/dialog-harness.ts';

const teamNames = [
  { id: 'support', name: 'Support' },
  { id: 'sales', name: 'Sales' },
  { id: 'billing', name: 'Billing' },
];

const templateRadio = (el: DashboardWizard, id: string) => $<HTMLInputElement>(el, `[data-template-id="${id}"] input[type="radio"]`)!;
const reportBox = (el: DashboardWizard, id: string) => $<HTMLInputElement>(el, `[data-report-id="${id}"] input[type="checkbox"]`)!;
const nameInput = (el: DashboardWizard) => $<HTMLInputElement>(el, '#name')!;
const problemText = (el: DashboardWizard) => $(el, '[part="name-problem"]')!.textContent!.trim();
const errorText = (el: DashboardWizard) => $(el, '[part="error"]')?.textContent?.trim() ?? null;

async function setup(options: { store?: DashboardStore; user?: DashboardUser; existingNames?: string[] } = {}) {
  const store = options.store ?? new MemoryDashboardStore();
  const { el, opener } = await withOpener<DashboardWizard>(
    'Create dashboard',
    html`<dashboard-wizard locale="en" .store=${store} .user=${options.user ?? owner} .teams=${teamNames}
      .existingNames=${options.existingNames ?? null}></dashboard-wizard>`,
  );
  return { el, opener, store };
}

const typeName = (el: DashboardWizard, value: string) => typeInto(el, nameInput(el), value);

/** An empty MemoryDashboardStore with some of its methods replaced. */
function memoryStoreWith(replaced: Partial<DashboardStore>): DashboardStore {
  const memory = new MemoryDashboardStore();
  return {
    list: (user) => memory.list(user),
    get: (id, user) => memory.get(id, user),
    save: (dashboard, user) => memory.save(dashboard, user),
    delete: (id, user) => memory.delete(id, user),
    ...replaced,
  };
}

async function toDetails(el: DashboardWizard, templateId = 'chat-overview'): Promise<void> {
  templateRadio(el, templateId).click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[part="next-button"]')!.click();
  await el.updateComplete;
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(matches: (element: Element | null) => boolean, max = 20): Promise<void> {
  for (let i = 0; i < max && !matches(deepActiveElement()); i++) await sendKeys({ press: 'Tab' });
  expect(matches(deepActiveElement()), 'reached by Tab').to.be.true;
}

describe('<dashboard-wizard>', () => {
  it('is registered', () => {
    expect(customElements.get('dashboard-wizard')).to.exist;
  });

  it('creates a dashboard with exactly the ticked reports, shared with a team: teammates see it, outsiders do not', async () => {
    const { el, opener, store } = await setup();
    await openFrom(opener, el);
    expect(el.open).to.be.true;
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.be.true;

    // Step 1: the library lists the templates with descriptions and their reports.
    const cards = $$(el, '[part="template"]');
    expect(cards.map((card) => card.querySelector('label')!.textContent!.trim())).to.deep.equal(['Chat overview', 'Email overview', 'Team performance', 'Blank dashboard']);
    expect(cards[0]!.querySelector('.description')!.textContent).to.contain('website visitors');
    expect(cards[0]!.querySelectorAll('.template-reports li')).to.have.length(6);
    expect($(el, '[part="next-button"]')!.getAttribute('aria-disabled')).to.equal('true');

    templateRadio(el, 'chat-overview').click();
    await el.updateComplete;
    const boxes = $$<HTMLInputElement>(el, '[part="report-option"] input[type="checkbox"]');
    expect(boxes).to.have.length(6);
    expect(boxes.every((box) => box.checked)).to.be.true;

    reportBox(el, 'chat-volume-by-page-url').click();
    reportBox(el, 'chat-volume-by-chatflow').click();
    await el.updateComplete;
    expect($(el, '.panel [role="status"]')!.textContent).to.contain('4 of 6 reports selected');
    $<HTMLButtonElement>(el, '[part="next-button"]')!.click();
    await el.updateComplete;

    // Step 2: name and privacy.
    expect(deepActiveElement()).to.equal(nameInput(el));
    expect(nameInput(el).value).to.equal('Chat overview');
    await typeName(el, 'Support mornings');
    $<HTMLInputElement>(el, '#privacy-team')!.click();
    await el.updateComplete;
    const select = $<HTMLSelectElement>(el, '[part="team-select"]')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Support', 'Sales']);
    select.value = 'support';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;

    const created = oneEvent(el, 'dashboard-create') as Promise<DashboardCreateEvent>;
    $<HTMLButtonElement>(el, '[part="create-button"]')!.click();
    const event = await created;
    const saved = event.detail.dashboard;
    expect(event.bubbles && event.composed).to.be.true;
    expect(saved.name).to.equal('Support mornings');
    expect(saved.ownerId).to.equal('olivia');
    expect(saved.privacy).to.equal('team');
    expect(saved.teamId).to.equal('support');
    expect(saved.reports.map((r) => r.id)).to.deep.equal([
      'chat-volume-by-assignee',
      'chat-response-time-by-assignee',
      'chat-time-to-close-by-assignee',
      'chats-closed-by-assignee',
    ]);

    await waitUntil(() => !el.open, 'the wizard closes after creating');
    expect(document.activeElement).to.equal(opener);

    expect((await store.list(teammate)).map((d) => d.id)).to.deep.equal([saved.id]);
    expect(await store.list(outsider)).to.deep.equal([]);
    expect((await store.get(saved.id, owner)).reports).to.have.length(4);
    // The template itself is untouched.
    expect(templates.chatOverview.reports).to.have.length(6);
  });

  it('works by keyboard alone, and focus moves to each step', async () => {
    const { el, opener, store } = await setup();
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.open).to.be.true;
    expect(deepActiveElement()).to.equal(templateRadio(el, 'chat-overview'));

    // Arrow keys move through the radio group and choose.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(templateRadio(el, 'email-overview').checked).to.be.true;
    expect($(el, '.panel legend')!.textContent).to.contain('Email overview');

    await tabTo((a) => a === reportBox(el, 'email-volume-by-assignee'));
    await sendKeys({ press: 'Space' });
    await tabTo((a) => a === reportBox(el, 'email-volume-over-time'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(reportBox(el, 'email-volume-by-assignee').checked).to.be.false;
    expect(reportBox(el, 'email-volume-over-time').checked).to.be.false;

    await tabTo((a) => a?.getAttribute('part') === 'next-button');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(nameInput(el));

    // The prefilled name is selected, so typing replaces it.
    await sendKeys({ type: 'Inbox health' });
    await el.updateComplete;
    expect(nameInput(el).value).to.equal('Inbox health');

    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(el, '#privacy-private'));
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#privacy-team')!.checked).to.be.true;
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(el, '[part="team-select"]'));
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '[part="team-select"]')!.value).to.equal('sales');

    const created = oneEvent(el, 'dashboard-create') as Promise<DashboardCreateEvent>;
    await tabTo((a) => a?.getAttribute('part') === 'create-button');
    await sendKeys({ press: 'Enter' });
    const saved = (await created).detail.dashboard;
    expect(saved.name).to.equal('Inbox health');
    expect(saved.privacy).to.equal('team');
    expect(saved.teamId).to.equal('sales');
    expect(saved.reports.map((r) => r.id)).to.deep.equal([
      'email-response-time-by-assignee',
      'emails-closed-by-assignee',
      'email-time-to-close-by-assignee',
      'open-emails-by-inbox',
    ]);
    await waitUntil(() => !el.open, 'the wizard closes after creating');
    expect(deepActiveElement()).to.equal(opener);
    expect(await store.list({ id: 'sam', teamIds: ['sales'], canEdit: false })).to.have.length(1);
    expect(await store.list(teammate)).to.have.length(0);
  });

  it('explains every name problem next to the field, live, and refuses to create with one', async () => {
    const store = new MemoryDashboardStore([
      { id: 'd1', name: 'Support mornings', ownerId: 'olivia', privacy: 'private', reports: [] },
      { id: 'd2', name: 'Shared weekly', ownerId: 'tom', privacy: 'everyone', reports: [] },
    ]);
    const { el, opener } = await setup({ store });
    await openFrom(opener, el);
    await toDetails(el);
    const input = nameInput(el);
    expect(input.getAttribute('aria-describedby')).to.contain('name-problem');

    const cases: [string, string][] = [
      ['', 'Enter a name for the dashboard.'],
      ['   ', 'Enter a name for the dashboard.'],
      ['x'.repeat(101), 'This name is 101 characters long; use at most 100.'],
      ['From https://example.com', 'A dashboard name cannot contain a web address.'],
      ['www.example.org', 'A dashboard name cannot contain a web address.'],
      ['Q4\u202E v1.2', 'A dashboard name cannot contain control or invisible characters.'],
      ['support MORNINGS', 'You already have a dashboard called “support MORNINGS”. Choose another name.'],
      // Names the user can see but does not own count too: the switcher would show both.
      ['shared weekly ', 'You already have a dashboard called “shared weekly”. Choose another name.'],
    ];
    for (const [value, message] of cases) {
      await typeName(el, value);
      expect(problemText(el), JSON.stringify(value)).to.equal(message);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
    }
    await expect(el).to.be.accessible();

    let saves = 0;
    const original = store.save.bind(store);
    store.save = async (...args) => {
      saves++;
      return original(...args);
    };
    await typeName(el, 'www.example.org');
    $<HTMLButtonElement>(el, '[part="create-button"]')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(saves).to.equal(0);
    expect(el.open).to.be.true;
    expect(deepActiveElement()).to.equal(input);

    await typeName(el, 'x'.repeat(100));
    expect(problemText(el)).to.equal('');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    // A full stop is a printable character like any other.
    await typeName(el, 'Q4 v1.2');
    expect(problemText(el)).to.equal('');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
  });

  it('takes existing names from the property when given', async () => {
    const { el, opener } = await setup({ existingNames: ['Chat overview'] });
    await openFrom(opener, el);
    await toDetails(el);
    // The prefilled template name is already taken: said at once.
    expect(problemText(el)).to.contain('You already have a dashboard called “Chat overview”');
  });

  it('keeps Next unusable, with a visible reason, until a template and a report are chosen', async () => {
    const { el, opener } = await setup();
    await openFrom(opener, el);
    const next = () => $<HTMLButtonElement>(el, '[part="next-button"]')!;
    expect(next().getAttribute('aria-disabled')).to.equal('true');
    expect(next().getAttribute('aria-describedby')).to.equal('next-reason');
    expect($(el, '#next-reason')!.textContent).to.contain('Choose a template first.');
    next().click();
    await el.updateComplete;
    expect($(el, '[part="templates"]')).to.exist;
    await expect(el).to.be.accessible();

    templateRadio(el, 'chat-overview').click();
    await el.updateComplete;
    expect(next().getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
    for (const box of $$<HTMLInputElement>(el, '[part="report-option"] input')) box.click();
    await el.updateComplete;
    expect(next().getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '#next-reason')!.textContent).to.contain('Tick at least one report.');
    next().click();
    await el.updateComplete;
    expect($(el, '#name')).to.be.null;
    await expect(el).to.be.accessible();

    // Choosing another template starts its list fully ticked.
    templateRadio(el, 'email-overview').click();
    await el.updateComplete;
    expect($$<HTMLInputElement>(el, '[part="report-option"] input').every((box) => box.checked)).to.be.true;
  });

  it('goes Back with the choices kept and focus on the chosen template', async () => {
    const { el, opener } = await setup();
    await openFrom(opener, el);
    templateRadio(el, 'email-overview').click();
    await el.updateComplete;
    reportBox(el, 'open-emails-by-inbox').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="next-button"]')!.click();
    await el.updateComplete;
    await typeName(el, 'Mail');
    $<HTMLButtonElement>(el, '[part="back-button"]')!.click();
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(templateRadio(el, 'email-overview'));
    expect(reportBox(el, 'open-emails-by-inbox').checked).to.be.false;
    $<HTMLButtonElement>(el, '[part="next-button"]')!.click();
    await el.updateComplete;
    expect(nameInput(el).value).to.equal('Mail');
  });

  it('is axe-clean at every step', async () => {
    const { el, opener } = await setup();
    await openFrom(opener, el);
    await expect(el).to.be.accessible();
    templateRadio(el, 'chat-overview').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="next-button"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#privacy-team')!.click();
    await typeName(el, '');
    await expect(el).to.be.accessible();
  });

  for (const [label, error, expected] of [
    ['ForbiddenError', new ForbiddenError('create', 'x', 'the user is not a member of team "sales"'), 'Not allowed: the user is not a member of team "sales".'],
    ['ValidationError', new ValidationError('x', [{ field: 'reports.0.title', message: 'must not be empty' }]), 'The dashboard could not be saved: reports.0.title must not be empty.'],
    [
      'ConflictError',
      new ConflictError({ id: 'x', name: 'n', ownerId: 'olivia', privacy: 'private', reports: [], layout: {} }, undefined),
      'Someone else changed this dashboard',
    ],
  ] as const) {
    it(`shows a ${label} from the store in the dialog, keeps it open and reports it`, async () => {
      const store = memoryStoreWith({ save: () => Promise.reject(error) });
      const { el, opener } = await setup({ store });
      await openFrom(opener, el);
      await toDetails(el);
      await typeName(el, 'Refused');
      const reported = oneEvent(el, 'data-error') as Promise<DataErrorEvent>;
      $<HTMLButtonElement>(el, '[part="create-button"]')!.click();
      const event = await reported;
      await el.updateComplete;
      expect(event.detail.phase).to.equal('store');
      expect(event.detail.error).to.equal(error);
      expect(errorText(el)).to.contain(expected);
      expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
      expect(el.open).to.be.true;
      expect(nameInput(el).value).to.equal('Refused');
      await expect(el).to.be.accessible();
    });
  }

  it('cannot be opened by a user without canEdit; opened anyway, it says why', async () => {
    const { el, opener } = await setup({ user: viewer });
    let rejected: unknown = null;
    await el.show().catch((error: unknown) => (rejected = error));
    expect(rejected).to.be.instanceOf(ForbiddenError);
    expect(el.open).to.be.false;
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.be.false;

    opener.focus();
    el.open = true;
    await el.updateComplete;
    await el.updateComplete;
    expect(errorText(el)).to.equal('You cannot create dashboards: your account may view dashboards but not change them.');
    expect($(el, '[part="templates"]')).to.be.null;
    await expect(el).to.be.accessible();
    await el.hide();
    expect(document.activeElement).to.equal(opener);
  });

  it('rejects show() without a user or a store', async () => {
    const noUser = await fixture<DashboardWizard>(html`<dashboard-wizard .store=${new MemoryDashboardStore()}></dashboard-wizard>`);
    let error: unknown = null;
    await noUser.show().catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(ForbiddenError);
    const noStore = await fixture<DashboardWizard>(html`<dashboard-wizard .user=${owner}></dashboard-wizard>`);
    error = null;
    await noStore.show().catch((e: unknown) => (error = e));
    expect((error as Error).message).to.contain('no dashboard store');
  });

  it('offers no team choice to a user without teams', async () => {
    const { el, opener } = await setup({ user: { id: 'solo', teamIds: [], canEdit: true } });
    await openFrom(opener, el);
    await toDetails(el);
    expect($<HTMLInputElement>(el, '#privacy-team')!.disabled).to.be.true;
    expect($(el, '[part="team-select"]')).to.be.null;
    expect($(el, '#privacy-team-hint')!.textContent).to.contain('not a member of any team');
    await expect(el).to.be.accessible();
  });

  it('closes on Escape, returns focus, and starts over when opened again', async () => {
    const { el, opener } = await setup();
    await openFrom(opener, el);
    templateRadio(el, 'chat-overview').click();
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open, 'Escape closes the wizard');
    expect(document.activeElement).to.equal(opener);
    await openFrom(opener, el);
    expect(templateRadio(el, 'chat-overview').checked).to.be.false;
    await el.hide();
  });

  it('shows built-in templates in the reader’s language but saves the specs as they are', async () => {
    registerCatalog('fr', {
      'template.chat-overview.name': 'Vue d’ensemble des chats',
      'report.chat-volume-by-assignee.title': 'Volume de discussion par responsable',
    });
    const { el, opener, store } = await setup();
    el.locale = 'fr';
    await openFrom(opener, el);
    expect($(el, '[data-template-id="chat-overview"] label')!.textContent).to.equal('Vue d’ensemble des chats');
    expect($(el, '[data-template-id="chat-overview"] li')!.textContent).to.equal('Volume de discussion par responsable');
    await toDetails(el);
    expect(nameInput(el).value).to.equal('Vue d’ensemble des chats');
    const created = oneEvent(el, 'dashboard-create') as Promise<DashboardCreateEvent>;
    $<HTMLButtonElement>(el, '[part="create-button"]')!.click();
    const saved = (await created).detail.dashboard;
    // Tiles translate template titles from the English text, so the spec keeps it.
    expect(saved.reports[0]!.title).to.equal('Chat volume by assignee');
    expect((await store.list(owner)).map((d) => d.name)).to.deep.equal(['Vue d’ensemble des chats']);
  });

  it('renders template and report names as text', async () => {
    const evil = {
      id: 'evil',
      name: '<img src=x onerror=alert(1)>',
      description: '<b>bold</b>',
      reports: [{ ...templates.chatOverview.reports[0]!, title: '<script>x</script>' }],
    };
    const { el, opener } = await setup();
    el.templates = [evil];
    await openFrom(opener, el);
    expect($(el, '[part="template"] label')!.textContent).to.equal(evil.name);
    expect($(el, '[part="template"] img, [part="template"] b, script')).to.be.null;
  });

  it('creates a blank dashboard, offered beside the templates, with no reports', async () => {
    const { el, opener, store } = await setup();
    await openFrom(opener, el);
    templateRadio(el, 'blank').click();
    await el.updateComplete;
    expect($(el, '[part="next-button"]')!.getAttribute('aria-disabled')).to.equal('false');
    expect($(el, '.panel')!.textContent).to.contain('Starts with no reports');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="next-button"]')!.click();
    await el.updateComplete;
    expect(nameInput(el).value).to.equal('Blank dashboard');
    await typeName(el, 'Q4 plans');
    const created = oneEvent(el, 'dashboard-create') as Promise<DashboardCreateEvent>;
    $<HTMLButtonElement>(el, '[part="create-button"]')!.click();
    const saved = (await created).detail.dashboard;
    expect(saved.name).to.equal('Q4 plans');
    expect(saved.reports).to.deep.equal([]);
    expect((await store.get(saved.id, owner)).reports).to.deep.equal([]);
  });

  it('says when the other names could not be read, and still creates the dashboard', async () => {
    const store = memoryStoreWith({ list: () => Promise.reject(new ForbiddenError('read', undefined, 'the list is closed today')) });
    const { el, opener } = await setup({ store });
    await openFrom(opener, el);
    await toDetails(el);
    await waitUntil(() => $(el, '.note') !== null, 'the note about the unchecked name');
    expect($(el, '.note')!.textContent).to.contain('could not be loaded').and.contain('the list is closed today');
    const created = oneEvent(el, 'dashboard-create') as Promise<DashboardCreateEvent>;
    $<HTMLButtonElement>(el, '[part="create-button"]')!.click();
    expect((await created).detail.dashboard.name).to.equal('Chat overview');
  });

  it('checks the name against the names read on the latest opening, not a slower earlier read', async () => {
    const answers: ((names: string[]) => void)[] = [];
    const store = memoryStoreWith({
      list: () =>
        new Promise((resolve) =>
          answers.push((names) => resolve(names.map((name, i) => ({ id: `d${i}`, name, ownerId: owner.id, privacy: 'private' as const, reports: [], layout: {} })))),
        ),
    });
    const { el, opener } = await setup({ store });
    await openFrom(opener, el);
    await el.hide();
    await openFrom(opener, el);
    expect(answers).to.have.length(2);
    answers[1]!(['Current']);
    answers[0]!(['Stale']);
    await toDetails(el);
    await typeName(el, 'Stale');
    expect($(el, '[part="name-problem"]')?.textContent?.trim() ?? '').to.equal('');
    await typeName(el, 'Current');
    expect(problemText(el)).to.contain('You already have a dashboard called “Current”');
  });
});
