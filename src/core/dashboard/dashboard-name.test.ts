import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DASHBOARD_NAME_MAX_LENGTH,
  cleanDashboardName,
  dashboardNameKey,
  validateDashboardName,
} from './dashboard-name.ts';

describe('validateDashboardName', () => {
  it('accepts an ordinary name', () => {
    assert.equal(validateDashboardName('Support mornings'), null);
    assert.equal(validateDashboardName('Équipe chat – semaine 12 (v2)!', ['Support mornings']), null);
    assert.equal(validateDashboardName('  Padded  '), null);
  });

  it('requires a name: empty and whitespace-only are refused', () => {
    assert.equal(validateDashboardName(''), 'required');
    assert.equal(validateDashboardName('   \t\n '), 'required');
    assert.equal(validateDashboardName(undefined as unknown as string), 'required');
  });

  it('allows 100 characters and refuses 101, counting an emoji as one and ignoring outer spaces', () => {
    assert.equal(DASHBOARD_NAME_MAX_LENGTH, 100);
    assert.equal(validateDashboardName('a'.repeat(100)), null);
    assert.equal(validateDashboardName('a'.repeat(101)), 'tooLong');
    assert.equal(validateDashboardName(`  ${'a'.repeat(100)}  `), null);
    assert.equal(validateDashboardName('😀'.repeat(100)), null);
    assert.equal(validateDashboardName('😀'.repeat(101)), 'tooLong');
  });

  it('refuses a web address, with or without a scheme', () => {
    for (const name of [
      'See https://example.com/reports',
      'http://localhost:8080',
      'ftp://files',
      'www.example.org',
      'Our site example.com',
      'example.co.uk',
      'bit.ly/abc',
      'EXAMPLE.COM stats',
    ])
      assert.equal(validateDashboardName(name), 'containsUrl', name);
  });

  it('accepts a full stop ("Q4 v1.2"), refuses control and invisible characters', () => {
    for (const name of ['Q4 v1.2', 'Q3. Review', 'Q3.Review', 'End.', 'Wait…', '週報。', 'Team．A', 'v1.2', '👩‍💻 Support'])
      assert.equal(validateDashboardName(name), null, name);
    for (const name of ['Tab\there', 'Bell\u0007', 'Evil\u202Egnp', 'Zero\u200Bwidth'])
      assert.equal(validateDashboardName(name), 'notPrintable', JSON.stringify(name));
  });

  it('tells a web address before a full stop', () => {
    assert.equal(validateDashboardName('Chats from example.com.'), 'containsUrl');
  });

  it('refuses a name already used, whatever its case and spacing', () => {
    const existing = ['Support mornings', 'Email Weekly'];
    assert.equal(validateDashboardName('Support mornings', existing), 'duplicate');
    assert.equal(validateDashboardName('  support MORNINGS ', existing), 'duplicate');
    assert.equal(validateDashboardName('Email   weekly', existing), 'duplicate');
    assert.equal(validateDashboardName('Support evenings', existing), null);
    // Any iterable works, e.g. a Set of names.
    assert.equal(validateDashboardName('email weekly', new Set(existing)), 'duplicate');
  });

  it('compares composed and decomposed accents as the same name', () => {
    assert.equal(validateDashboardName('Cafe\u0301', ['Café']), 'duplicate');
  });

  it('reports one problem at a time, the most basic first', () => {
    assert.equal(validateDashboardName(`${'a'.repeat(101)}.`), 'tooLong');
    assert.equal(validateDashboardName('Dup.', ['Dup.']), 'duplicate');
  });
});

describe('dashboard name helpers', () => {
  it('cleanDashboardName trims; dashboardNameKey folds case and spacing', () => {
    assert.equal(cleanDashboardName('  A  b '), 'A  b');
    assert.equal(dashboardNameKey('  A   B '), 'a b');
  });
});
