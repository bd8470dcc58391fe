import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { csvImport } from './en/csv-import.ts';
import { drillDialog } from './en/drill-dialog.ts';
import { reportEditor } from './en/report-editor.ts';
import { addCatalogPart, isCatalogLoaded, loadCatalog, onCatalogChange, registerCatalog, translate } from './translate.ts';

// Each test file runs in a process of its own: no catalog or part is in use before these tests.
describe('parts of the catalogs that load with their elements', () => {
  it('knows a part’s English once its element brings it, and loads its French with the French catalog', async () => {
    assert.equal(translate('en', 'drill.column.subject'), 'drill.column.subject', 'not in the first paint');
    addCatalogPart('drill-dialog', drillDialog);
    assert.equal(translate('en', 'drill.column.subject'), 'Subject / contact');
    assert.equal(isCatalogLoaded('en-GB'), true, 'English comes with the element');
    assert.equal(isCatalogLoaded('fr'), false);
    await loadCatalog('fr-FR');
    assert.equal(isCatalogLoaded('fr'), true);
    assert.equal(translate('fr-FR', 'drill.column.subject'), 'Objet / contact');
    assert.equal(translate('fr-FR', 'dashboard.create'), 'Créer un tableau de bord');
  });

  it('loads a part put in use later for the languages already in use, and tells listeners', async () => {
    addCatalogPart('report-editor', reportEditor);
    assert.equal(translate('fr', 'editor.save'), 'Save', 'English until the French section arrives');
    assert.equal(isCatalogLoaded('fr-BE'), false, 'French lacks a section in use');
    let changes = 0;
    const stop = onCatalogChange(() => (changes += 1));
    await loadCatalog('fr-BE');
    stop();
    assert.equal(changes, 1);
    assert.equal(translate('fr', 'editor.save'), 'Enregistrer');
    assert.equal(translate('fr', 'drill.column.subject'), 'Objet / contact', 'the earlier part stays');
  });

  it('loads every part in use with a language first used later', async () => {
    assert.equal(isCatalogLoaded('nl'), false);
    await loadCatalog('nl');
    assert.equal(translate('nl', 'editor.save'), 'Opslaan');
    assert.equal(translate('nl', 'dashboard.create'), 'Dashboard aanmaken');
    assert.equal(translate('nl', 'drill.column.subject'), 'Onderwerp / contactpersoon');
  });

  it('adds no built-in part to a catalog the page registered', () => {
    registerCatalog('nl', { 'editor.save': 'Eigen tekst' });
    addCatalogPart('csv-import', csvImport);
    assert.equal(isCatalogLoaded('nl'), true);
    assert.equal(translate('nl', 'editor.save'), 'Eigen tekst');
    assert.equal(translate('nl', 'drill.column.subject'), 'Subject / contact', 'English for what it lacks');
  });
});
