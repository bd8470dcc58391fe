import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderFilterBar } from './filter-bar.ts';
import { loadCatalog, translate } from '../../i18n/translate.ts';

function bar(locale: string): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  render(
    renderFilterBar(
      {
        filters: [{ property: 'priority', operator: 'in', value: ['high', 'urgent'] }, { property: 'plan', operator: 'is', value: 'enterprise_plus' }],
        lookups: { assignees: [], inboxes: [], chatflows: [] },
        catalog: null,
        t: (key, params) => translate(locale, key, params),
        change: () => {},
      },
      '',
      () => {},
    ),
    host,
  );
  return host;
}

describe('filter values as labels', () => {
  // renderFilterBar is handed t(); the French catalog loads lazily, as a LocaleController would load it.
  before(() => loadCatalog('fr'));

  it('shows a filter on priority as High, Urgent rather than high, urgent', () => {
    const host = bar('en');
    const text = [...host.querySelectorAll('[part="filter-chip"]')].map((chip) => chip.textContent!).join(' | ');
    expect(text).to.contain('High, Urgent');
    expect(text).to.contain('Enterprise plus');
    expect(text).not.to.match(/\bhigh\b|\burgent\b/);
    host.remove();
  });

  it('in the reader’s language', () => {
    const host = bar('fr');
    expect(host.textContent).to.contain('Haute, Urgente');
    host.remove();
  });
});
