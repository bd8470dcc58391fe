import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isCatalogLoaded, loadCatalog, onCatalogChange, registerCatalog, supportedLanguages, translate } from './translate.ts';

// Each test file runs in a process of its own: nothing has loaded fr or nl before these tests.
describe('catalogs that load when their locale is first used', () => {
  it('answers in English until the French catalog has loaded, then in French, and tells listeners', async () => {
    assert.deepEqual(supportedLanguages().sort(), ['en', 'fr', 'nl']);
    assert.equal(isCatalogLoaded('en-GB'), true);
    assert.equal(isCatalogLoaded('de'), true, 'no catalog to wait for: English answers for good');
    assert.equal(isCatalogLoaded('fr-FR'), false);
    assert.equal(translate('fr-FR', 'dashboard.create'), 'Create dashboard');
    let changes = 0;
    const stop = onCatalogChange(() => (changes += 1));
    const first = loadCatalog('fr-FR');
    assert.equal(loadCatalog('fr-BE'), first, 'one download per language');
    await first;
    stop();
    assert.equal(changes, 1);
    assert.equal(isCatalogLoaded('fr-BE'), true);
    assert.equal(translate('fr-FR', 'dashboard.create'), 'Créer un tableau de bord');
    assert.equal(translate('nl', 'dashboard.create'), 'Create dashboard', 'Dutch still to load');
  });

  it('keeps a catalog registered before the built-in one arrives', async () => {
    registerCatalog('nl', { 'dashboard.create': 'Eigen tekst' });
    await loadCatalog('nl');
    assert.equal(translate('nl', 'dashboard.create'), 'Eigen tekst');
  });
});
