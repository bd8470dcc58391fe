import { expect, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import type { Dashboard, DashboardInput, DashboardUser } from '../../core/schema/dashboard.ts';
import { templates } from '../../core/dashboard/templates.ts';
import type { DashboardChangeEvent } from '../../events/dashboard-change-event.ts';
import type { DashboardDeleteEvent } from '../../events/dashboard-delete-event.ts';
import type { DataErrorEvent } from '../../events/data-error-event.ts';
import { MemoryDashboardStore } from '../../store/memory-dashboard-store.ts';
import './dashboard-settings.ts';
import type { DashboardSettings } from './dashboard-settings.ts';
import { outsiderOfBoth as outsider, ownerOfTwoTeams as owner, teammate, viewer } from '../../../test/harness/users.ts';
import { $, deepActiveElement, openFrom, typeInto, withOpener } from '../../../test/harness/dialog-harness.ts';

const teamNames = [
  { id: 'support', name: 'Support' },
  { id: 'sales', name: 'Sales' },
];

const shared: DashboardInput = {
  id: 'mornings',
  name: 'Support mornings',
  ownerId: 'olivia',
  privacy: 'team',
  teamId: 'support',
  reports: templates.chatOverview.reports.slice(0, 2),
};
const other: DashboardInput = { id: 'weekly', name: 'Weekly', ownerId: 'olivia', privacy: 'everyone', reports: [] };

const part = <T extends Element = HTMLButtonElement>(el: DashboardSettings, name: string) => $<T>(el, `[part="${name}"]`);
const nameInput = (el: DashboardSettings) => $<HTMLInputElement>(el, '#name')!;

async function setup(user: DashboardUser, options: { dashboard?: Dashboard; initial?: DashboardInput[] } = {}) {
  const store = new MemoryDashboardStore(options.initial ?? [shared, other]);
  const dashboard = options.dashboard ?? (await store.get('mornings', user));
  const { el, opener } = await withOpener<DashboardSettings>(
    'Settings',
    html`<dashboard-settings locale="en" .store=${store} .user=${user} .teams=${teamNames} .dashboard=${dashboard}></dashboard-settings>`,
  );
  await openFrom(opener, el);
  return { el, opener, store };
}

const typeName = (el: DashboardSettings, value: string) => typeInto(el, nameInput(el), value);

describe('<dashboard-settings>', () => {
  it('renames the dashboard through the store and reports it', async () => {
    const { el, store } = await setup(owner);
    expect(deepActiveElement()).to.equal(nameInput(el));
    expect(nameInput(el).value).to.equal('Support mornings');
    await typeName(el, '  Support days ');
    const changed = oneEvent(el, 'dashboard-change') as Promise<DashboardChangeEvent>;
    part(el, 'rename-button')!.click();
    const event = await changed;
    expect(event.detail.reason).to.equal('rename');
    expect(event.detail.dashboardId).to.equal('mornings');
    expect(event.detail.dashboard.name).to.equal('Support days');
    expect((await store.get('mornings', owner)).name).to.equal('Support days');
    await el.updateComplete;
    expect(part(el, 'status')!.textContent).to.contain('Renamed to “Support days”.');
    expect(el.dashboard!.name).to.equal('Support days');
    await expect(el).to.be.accessible();
  });

  it('validates the new name like the wizard, its own current name excepted', async () => {
    const { el, store } = await setup(owner);
    await typeName(el, 'weekly');
    // The other names come from store.list: the message appears once they are in.
    await waitUntil(() => part(el, 'name-problem')!.textContent!.includes('You already have a dashboard called “weekly”'));
    await typeName(el, 'support MORNINGS');
    expect(part(el, 'name-problem')!.textContent!.trim()).to.equal('');
    await typeName(el, 'See example.com');
    expect(part(el, 'name-problem')!.textContent).to.contain('web address');
    await typeName(el, 'Mornings v1.2');
    expect(part(el, 'name-problem')!.textContent!.trim()).to.equal('');
    await typeName(el, 'Mornings\u0007');
    expect(part(el, 'name-problem')!.textContent).to.contain('control or invisible');
    await typeName(el, '');
    expect(part(el, 'name-problem')!.textContent).to.contain('Enter a name');
    await typeName(el, 'y'.repeat(120));
    expect(part(el, 'name-problem')!.textContent).to.contain('120 characters');
    part(el, 'rename-button')!.click();
    await el.updateComplete;
    expect((await store.get('mornings', owner)).name).to.equal('Support mornings');
    expect(deepActiveElement()).to.equal(nameInput(el));
    await expect(el).to.be.accessible();
  });

  it('lets the owner change privacy; who can see it follows', async () => {
    const { el, store } = await setup(owner);
    expect(await store.list(teammate)).to.have.length(2);
    $<HTMLInputElement>(el, '#privacy-private')!.click();
    await el.updateComplete;
    let changed = oneEvent(el, 'dashboard-change') as Promise<DashboardChangeEvent>;
    part(el, 'privacy-button')!.click();
    let event = await changed;
    expect(event.detail.reason).to.equal('privacy');
    expect(event.detail.dashboard.privacy).to.equal('private');
    expect(event.detail.dashboard.teamId).to.be.undefined;
    expect((await store.list(teammate)).map((d) => d.id)).to.deep.equal(['weekly']);
    await el.updateComplete;
    expect(part(el, 'status')!.textContent).to.contain('Sharing saved: Private to its owner.');

    $<HTMLInputElement>(el, '#privacy-team')!.click();
    await el.updateComplete;
    const select = part<HTMLSelectElement>(el, 'team-select')!;
    select.value = 'sales';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    changed = oneEvent(el, 'dashboard-change') as Promise<DashboardChangeEvent>;
    part(el, 'privacy-button')!.click();
    event = await changed;
    expect(event.detail.dashboard.privacy).to.equal('team');
    expect(event.detail.dashboard.teamId).to.equal('sales');
    expect((await store.list(teammate)).map((d) => d.id)).to.deep.equal(['weekly']);
    expect((await store.list({ id: 'sam', teamIds: ['sales'], canEdit: false })).map((d) => d.id)).to.include('mornings');
    expect((await store.list(outsider)).map((d) => d.id)).to.deep.equal(['weekly']);
    await expect(el).to.be.accessible();
  });

  it('shows a teammate who is not the owner no privacy or delete controls, but lets them rename', async () => {
    const { el, store } = await setup(teammate);
    expect(part(el, 'privacy')).to.be.null;
    expect($(el, 'input[type="radio"]')).to.be.null;
    expect(part(el, 'delete-button')).to.be.null;
    expect(part(el, 'sharing')!.textContent).to.contain('Visible to: Team Support. Only the owner can change this.');
    expect(nameInput(el)).to.exist;
    await typeName(el, 'Tom’s mornings');
    const changed = oneEvent(el, 'dashboard-change') as Promise<DashboardChangeEvent>;
    part(el, 'rename-button')!.click();
    await changed;
    expect((await store.get('mornings', owner)).name).to.equal('Tom’s mornings');
    await expect(el).to.be.accessible();
  });

  it('shows a user without canEdit no controls at all', async () => {
    const { el } = await setup(viewer);
    expect($(el, 'input, select')).to.be.null;
    expect(part(el, 'rename-button')).to.be.null;
    expect(part(el, 'delete-button')).to.be.null;
    expect($(el, '.note')!.textContent).to.contain('You can view this dashboard but not change it.');
    expect(deepActiveElement()).to.equal(part(el, 'close-button'));
    await expect(el).to.be.accessible();
  });

  it('deletes only after confirmation, with focus on the safe choice', async () => {
    const { el, opener, store } = await setup(owner);
    part(el, 'delete-button')!.click();
    await el.updateComplete;
    expect($(el, '#confirm-heading')!.textContent).to.equal('Delete “Support mornings”?');
    expect(deepActiveElement()).to.equal(part(el, 'cancel-delete-button'));
    await expect(el).to.be.accessible();

    // Cancel keeps the dashboard and returns to where the user was.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(part(el, 'delete-button'));
    expect(await store.list(owner)).to.have.length(2);

    part(el, 'delete-button')!.click();
    await el.updateComplete;
    const deleted = oneEvent(el, 'dashboard-delete') as Promise<DashboardDeleteEvent>;
    part(el, 'confirm-delete-button')!.click();
    const event = await deleted;
    expect(event.detail.dashboardId).to.equal('mornings');
    expect(event.bubbles && event.composed).to.be.true;
    expect((await store.list(owner)).map((d) => d.id)).to.deep.equal(['weekly']);
    await waitUntil(() => !el.open, 'closes after deleting');
    expect(document.activeElement).to.equal(opener);
  });

  it('shows a forbidden store call as a visible error and keeps the user’s choice', async () => {
    // The host handed over a stale copy that names Tom as owner; the store knows better.
    const stale: Dashboard = { ...(await new MemoryDashboardStore([shared]).get('mornings', owner)), ownerId: 'tom' };
    const { el, store } = await setup(teammate, { dashboard: stale });
    $<HTMLInputElement>(el, '#privacy-everyone')!.click();
    await el.updateComplete;
    const reported = oneEvent(el, 'data-error') as Promise<DataErrorEvent>;
    part(el, 'privacy-button')!.click();
    const event = await reported;
    await el.updateComplete;
    expect(event.detail.phase).to.equal('store');
    const error = part(el, 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('Not allowed: only its owner may change');
    expect($<HTMLInputElement>(el, '#privacy-everyone')!.checked).to.be.true;
    expect((await store.get('mornings', owner)).privacy).to.equal('team');
    await expect(el).to.be.accessible();

    part(el, 'delete-button')!.click();
    await el.updateComplete;
    part(el, 'confirm-delete-button')!.click();
    await waitUntil(() => part(el, 'error') !== null, 'delete error shown');
    expect(part(el, 'error')!.textContent).to.contain('only its owner may delete it');
    expect(el.open).to.be.true;
    expect(await store.list(owner)).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('closes on Escape and gives focus back', async () => {
    const { el, opener } = await setup(owner);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.open, 'Escape closes');
    expect(document.activeElement).to.equal(opener);
  });
});
