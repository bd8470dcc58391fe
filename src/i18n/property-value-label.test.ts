import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { propertyValueLabel } from './property-value-label.ts';
import { loadCatalog, translate } from './translate.ts';

const t = (locale: string) => (key: string) => translate(locale, key);

describe('propertyValueLabel', () => {
  before(() => Promise.all([loadCatalog('fr'), loadCatalog('nl')]));

  it('takes the catalog label of a known value, in the reader’s language', () => {
    assert.equal(propertyValueLabel('priority', 'high', t('en')), 'High');
    assert.equal(propertyValueLabel('properties.priority', 'urgent', t('fr')), 'Urgente');
    assert.equal(propertyValueLabel('priority', 'urgent', t('nl')), 'Dringend');
  });

  it('makes a code-like value readable and leaves free text and ids as written', () => {
    assert.equal(propertyValueLabel('plan', 'very_urgent', t('en')), 'Very urgent');
    assert.equal(propertyValueLabel('plan', 'Pro plan', t('en')), 'Pro plan');
    assert.equal(propertyValueLabel('assigneeId', 'a1', t('en')), 'a1');
    assert.equal(propertyValueLabel('subject', 'refund', t('en')), 'refund');
  });
});
