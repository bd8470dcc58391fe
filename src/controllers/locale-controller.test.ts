import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LocaleController } from './locale-controller.ts';
import { registerCatalog } from '../i18n/translate.ts';
import { FakeHost } from '../../test/harness/fake-host.ts';

describe('LocaleController', () => {
  it('resolves the given locale and time zone, else English and a zone', () => {
    const host = new FakeHost();
    let locale: string | undefined = 'fr-fr';
    let timeZone: string | undefined = 'Europe/Paris';
    const controller = new LocaleController(host, { locale: () => locale, timeZone: () => timeZone });
    assert.equal(controller.locale, 'fr-FR');
    assert.equal(controller.timeZone, 'Europe/Paris');
    locale = 'not a locale!';
    timeZone = '';
    assert.equal(controller.locale, 'en');
    assert.ok(controller.timeZone.length > 0);
  });

  it('renders French and Dutch once the catalog is there, in updateComplete', async () => {
    const host = new FakeHost();
    let locale = 'fr';
    const controller = new LocaleController(host, { locale: () => locale });
    host.connect();
    await controller.updateComplete(Promise.resolve(true));
    assert.equal(controller.t('dashboard.create'), 'Créer un tableau de bord');
    locale = 'nl-BE';
    host.requestUpdate();
    await controller.updateComplete(Promise.resolve(true));
    assert.equal(controller.t('common.conversations', { count: 1 }), '1 gesprek');
    host.disconnect();
  });

  it('re-renders its host when a catalog is registered while connected, not after', () => {
    const host = new FakeHost();
    new LocaleController(host, { locale: () => 'de' });
    host.connect();
    const before = host.updates;
    registerCatalog('de', { 'dashboard.create': 'Dashboard erstellen' });
    assert.equal(host.updates, before + 1);
    host.disconnect();
    registerCatalog('de', { 'dashboard.create': 'Dashboard anlegen' });
    assert.equal(host.updates, before + 1);
  });
});

describe('LocaleController.textsVersion', () => {
  it('changes with the locale and with a catalog registered; textsChanged until the host updates', () => {
    const host = new FakeHost();
    let locale = 'en';
    const controller = new LocaleController(host, { locale: () => locale });
    host.connect();
    assert.equal(controller.textsChanged, true, 'nothing rendered yet');
    host.requestUpdate();
    assert.equal(controller.textsChanged, false);
    const first = controller.textsVersion;
    locale = 'it';
    assert.notEqual(controller.textsVersion, first);
    assert.equal(controller.textsChanged, true);
    host.requestUpdate();
    const italian = controller.textsVersion;
    registerCatalog('it', { 'dashboard.create': 'Crea dashboard' });
    assert.notEqual(controller.textsVersion, italian, 'a catalog arrived: cached texts are stale');
    host.disconnect();
  });
});
