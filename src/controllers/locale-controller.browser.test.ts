import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from './locale-controller.ts';
import { isCatalogLoaded } from '../i18n/translate.ts';

/** The smallest element that takes its texts from a LocaleController. */
class LocaleProbe extends LitElement {
  @property() locale: string | undefined;
  readonly #locale = new LocaleController(this, { locale: () => this.locale });
  protected override async getUpdateComplete(): Promise<boolean> {
    return this.#locale.updateComplete(super.getUpdateComplete());
  }
  override render() {
    return this.#locale.t('dashboard.create');
  }
}
customElements.define('locale-probe', LocaleProbe);

// Nothing in this page has used fr or nl before: their catalogs are downloaded by the tests below.
describe('LocaleController in an element', () => {
  it('renders English, then French once its catalog has downloaded, within updateComplete', async () => {
    expect(isCatalogLoaded('fr')).to.equal(false);
    const el = await fixture<LocaleProbe>(html`<locale-probe locale="en"></locale-probe>`);
    expect(el.shadowRoot!.textContent).to.equal('Create dashboard');
    el.locale = 'fr-FR';
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Créer un tableau de bord');
  });

  it('switches to Dutch from the attribute', async () => {
    expect(isCatalogLoaded('nl')).to.equal(false);
    const el = await fixture<LocaleProbe>(html`<locale-probe locale="fr"></locale-probe>`);
    el.setAttribute('locale', 'nl');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Dashboard aanmaken');
  });
});
