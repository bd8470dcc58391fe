import { expect, fixture } from '@open-wc/testing';
import './conversation-dashboard.ts';
import type { ConversationDashboard } from './conversation-dashboard.ts';

/*
 * `store-type` sets `storeType` (the `store` property is the store object itself); the older `store`
 * attribute stays a deprecated alias, so pages written with it keep their store.
 */

// No test saves: the local store only reads the browser's storage here.
async function dashboard(attributes: string): Promise<ConversationDashboard> {
  const el = await fixture<ConversationDashboard>(`<conversation-dashboard ${attributes} locale="en"></conversation-dashboard>`);
  await el.updateComplete;
  return el;
}

describe('<conversation-dashboard store-type>', () => {
  it('store-type="local" keeps dashboards in this browser', async () => {
    const el = await dashboard('store-type="local"');
    expect(el.storeType).to.equal('local');
    expect(el.store?.constructor.name).to.equal('LocalStorageDashboardStore');
    expect(el.user).to.deep.equal({ id: 'local-user', teamIds: [], canEdit: true });
    expect(el.configError).to.equal(null);
  });

  it('the deprecated store="local" still works', async () => {
    const el = await dashboard('store="local"');
    expect(el.storeType).to.equal('local');
    expect(el.store?.constructor.name).to.equal('LocalStorageDashboardStore');
    expect(el.configError).to.equal(null);
  });

  it('store-type wins over store; taken away, store is read again', async () => {
    const el = await dashboard('store-type="local" store="elsewhere"');
    expect(el.storeType).to.equal('local');
    expect(el.configError).to.equal(null);

    el.setAttribute('store', 'somewhere-else');
    await el.updateComplete;
    expect(el.storeType, 'store changed under store-type').to.equal('local');

    el.removeAttribute('store-type');
    await el.updateComplete;
    expect(el.storeType).to.equal('somewhere-else');
    expect(el.configError?.message, 'the error names the attribute by its new name').to.contain('store-type');

    el.setAttribute('store', 'local');
    await el.updateComplete;
    expect(el.storeType).to.equal('local');
    expect(el.configError).to.equal(null);

    el.removeAttribute('store');
    await el.updateComplete;
    expect(el.storeType).to.equal(null);
    expect(el.store, 'no store attribute left').to.equal(null);
  });
});
