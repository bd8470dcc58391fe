import { expect } from '@open-wc/testing';
import { showCsvAsData, translateDemo } from '../../demo/demo-text.ts';
import { businessHoursSchema, slaSchema } from '../../src/core/schema/business-hours.ts';

/** The demo page's markup (demo/index.html) as served, parsed (its scripts are not run here). */
async function demoPage(page = 'index.html'): Promise<Document> {
  const response = await fetch(new URL(`../../demo/${page}`, import.meta.url));
  expect(response.status, page).to.equal(200);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

describe('The demo page', () => {
  it('mirrors the range into the address bar (sync-url), so a reload keeps it', async () => {
    const doc = await demoPage();
    expect(doc.querySelector('conversation-dashboard')!.hasAttribute('sync-url')).to.equal(true);
  });

  it('says its own controls in French and Dutch too', async () => {
    const doc = await demoPage();
    translateDemo(doc, 'nl');
    const labels = [...doc.querySelectorAll('#controls label > span')].map((span) => span.textContent);
    expect(labels).to.deep.equal(['Aangemeld als', 'Hoeveelheid gegevens', 'Thema', 'Taal', 'Tijdzone']);
    expect(doc.querySelector('summary')!.textContent).to.equal('Uw CSV laden');
    translateDemo(doc, 'fr');
    expect(doc.querySelector('h1')!.textContent).to.equal('Rapports sur les conversations');
    expect(doc.querySelector('#controls')!.getAttribute('aria-label')).to.equal('Réglages de la démo');
    expect([...doc.querySelectorAll('select[name="theme"] option')].map((o) => o.textContent)).to.deep.equal(['Clair', 'Sombre']);
  });

  it('gives the dashboard business hours and SLA targets, so the Team performance template has numbers', async () => {
    const el = (await demoPage()).querySelector('conversation-dashboard')!;
    const hours = businessHoursSchema.parse(JSON.parse(el.getAttribute('business-hours') ?? 'null'));
    expect(Object.keys(hours.week)).to.deep.equal(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(slaSchema.parse(JSON.parse(el.getAttribute('sla') ?? 'null')).businessHours).to.equal(true);
  });

  it('has an icon on every page, so none asks for a missing /favicon.ico', async () => {
    for (const page of ['index.html', 'gallery.html', 'react.html', 'vue.html']) {
      const doc = await demoPage(page);
      const icon = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
      expect(icon, page).to.exist;
      expect(icon!.getAttribute('href')).to.equal('./favicon.svg');
    }
    const svg = await fetch(new URL('../../demo/favicon.svg', import.meta.url));
    expect(svg.status).to.equal(200);
    expect(await svg.text()).to.contain('<svg');
  });

  it('shows the CSV as the data once one is loaded, not 20 000', async () => {
    const doc = await demoPage();
    const size = doc.querySelector<HTMLSelectElement>('select[name="size"]')!;
    document.body.append(size);
    try {
      expect(size.selectedOptions[0]!.textContent).to.equal('20 000');
      showCsvAsData(size, 'fr');
      expect(size.value).to.equal('csv');
      expect(size.selectedOptions[0]!.textContent).to.equal('Votre CSV');
    } finally {
      size.remove();
    }
  });
});
