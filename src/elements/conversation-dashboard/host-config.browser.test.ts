import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { settled, tiles } from '../../../test/harness/dashboard-harness.ts';
import './conversation-dashboard.ts';
import type { ConversationDashboard } from './conversation-dashboard.ts';
import { ArrayDataSource } from '../../adapters/array-data-source.ts';
import { computeReport, createTable, drillDown, parseConversations, templates } from '../../core/index.ts';
import { sendKeys } from '@web/test-runner-commands';
import type { DrillDialog } from '../drill-dialog/drill-dialog.ts';
import type { BusinessHours, Sla } from '../../core/schema/business-hours.ts';
import type { DashboardInput } from '../../core/schema/dashboard.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
import { MemoryDashboardStore } from '../../store/memory-dashboard-store.ts';
import type { ReportTile } from '../report-tile/report-tile.ts';
import { owner } from '../../../test/harness/users.ts';

/*
 * Business hours and SLA targets a host gives (DESIGN v2): as properties, as attributes and in the
 * markup JSON config; they reach the compute context, travel with save()/restore(), and a
 * dashboard may carry its own, which stores keep. Tiles say which hours they count in.
 */

const END = Date.UTC(2026, 10, 20, 12);
const sample = generateConversations({ n: 600, seed: 3, end: END, days: 40 });
const table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
const office: [string, string][] = [['09:00', '17:00']];
const amsterdam: BusinessHours = { timeZone: 'Europe/Amsterdam', week: { mon: office, tue: office, wed: office, thu: office, fri: office } };
const early: BusinessHours = { timeZone: 'UTC', week: { mon: [['06:00', '12:00']], tue: [['06:00', '12:00']] } };
const sla: Sla = { firstResponseMs: 3_600_000, businessHours: true, now: END };

const slaBoard: DashboardInput = {
  id: 'sla-board',
  name: 'SLA board',
  ownerId: 'olivia',
  privacy: 'private',
  reports: [
    {
      id: 'median-business-response',
      title: 'Median first response in business hours by inbox',
      chartType: 'bar',
      dimension: 'inboxId',
      measure: { op: 'median', property: 'responseTimeBusiness' },
      filters: [],
      dateProperty: 'createdAt',
    },
    {
      id: 'within-sla',
      title: 'First responses within SLA',
      chartType: 'kpi',
      measure: { op: 'share', property: 'firstResponseSla', value: 'met' },
      filters: [],
      dateProperty: 'createdAt',
    },
  ],
};

/** The board as a config gives it to a page without a user: nobody's, shown read-only. */
const { ownerId: _owner, ...sharedBoard } = slaBoard;

const footnote = (tile: ReportTile) => tile.shadowRoot!.querySelector('[part="footnote"]')!.textContent!;

describe('<conversation-dashboard> business hours and SLA from the host', () => {
  it('takes them as properties, computes with them, and says so in the tiles (en/fr/nl)', async () => {
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard
        locale="en-GB"
        time-zone="Europe/Amsterdam"
        .now=${END}
        .businessHours=${amsterdam}
        .sla=${sla}
        .dataSource=${new ArrayDataSource(sample.conversations, { lookups: sample.lookups })}
      ></conversation-dashboard>`,
    );
    el.restore({ dashboards: [sharedBoard], dashboardId: 'sla-board', templates: false });
    await el.updateComplete;
    await settled(el);
    const context = el.reportContext!;
    expect(context.businessHours).to.deep.equal(amsterdam);
    expect(context.sla).to.deep.equal(sla);
    el.currentDashboard!.reports.forEach((spec, index) => expect(tiles(el)[index]!.shownResult).to.deep.equal(computeReport(table, spec, context)));
    expect(footnote(tiles(el)[0]!)).to.contain('in business hours, Mon–Fri 09:00–17:00 Europe/Amsterdam');
    expect(footnote(tiles(el)[1]!)).to.contain('SLA: first response within 1 h');
    expect(footnote(tiles(el)[1]!)).to.contain('in business hours, Mon–Fri 09:00–17:00 Europe/Amsterdam');

    el.locale = 'fr';
    await el.updateComplete;
    await tiles(el)[0]!.updateComplete;
    expect(footnote(tiles(el)[0]!)).to.contain('en heures ouvrées, lun.–ven. 09:00–17:00 Europe/Amsterdam');
    el.locale = 'nl';
    await el.updateComplete;
    await tiles(el)[0]!.updateComplete;
    expect(footnote(tiles(el)[0]!)).to.contain('binnen kantooruren, ma–vr 09:00–17:00 Europe/Amsterdam');

    // Other hours: the same data, new results.
    const before = tiles(el)[0]!.shownResult;
    el.businessHours = early;
    await el.updateComplete;
    const expected = computeReport(table, el.currentDashboard!.reports[0]!, { ...context, businessHours: early });
    expect(expected).not.to.deep.equal(before);
    await waitUntil(() => JSON.stringify(tiles(el)[0]!.shownResult) === JSON.stringify(expected), 'recomputed with the new hours');

    // They travel with the saved view.
    expect(el.save()).to.deep.include({ businessHours: early, sla });
    await expect(el).to.be.accessible();
  });

  it('reads them from the markup JSON config and from attributes; a bad value is named', async () => {
    const config = { businessHours: amsterdam, sla, dashboards: [sharedBoard], dashboardId: 'sla-board', templates: false };
    const el = await fixture<ConversationDashboard>(
      `<conversation-dashboard sample="200" locale="en" time-zone="UTC"><script type="application/json">${JSON.stringify(config)}</script></conversation-dashboard>`,
    );
    await el.updateComplete;
    expect(el.businessHours).to.deep.equal(amsterdam);
    expect(el.reportContext!.sla).to.deep.equal(sla);

    const byAttribute = await fixture<ConversationDashboard>(
      `<conversation-dashboard sample="200" locale="en" time-zone="UTC" business-hours='${JSON.stringify(early)}' sla='{"closeMs": 86400000}'></conversation-dashboard>`,
    );
    expect(byAttribute.reportContext!.businessHours).to.deep.equal(early);
    expect(byAttribute.reportContext!.sla).to.deep.equal({ closeMs: 86_400_000 });

    byAttribute.setAttribute('business-hours', JSON.stringify({ timeZone: 'UTC', week: { mon: [['17:00', '09:00']] } }));
    await byAttribute.updateComplete;
    const error = byAttribute.shadowRoot!.querySelector('[part="config-error"]')!;
    expect(error.textContent).to.contain('business-hours.week.mon[0]');
    expect(error.textContent).to.contain('must end after it starts');
    byAttribute.setAttribute('business-hours', JSON.stringify(amsterdam));
    await byAttribute.updateComplete;
    expect(byAttribute.shadowRoot!.querySelector('[part="config-error"]')).to.equal(null);
    expect(byAttribute.reportContext!.businessHours).to.deep.equal(amsterdam);
  });

  it('a dashboard carries its own, the store keeps them, and they win over the host’s', async () => {
    const store = new MemoryDashboardStore();
    await store.save({ ...slaBoard, businessHours: early, sla: { closeMs: 7_200_000 } }, owner);
    const kept = await store.get('sla-board', owner);
    expect(kept.businessHours).to.deep.equal(early);
    expect(kept.sla).to.deep.equal({ closeMs: 7_200_000 });

    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard
        locale="en"
        time-zone="UTC"
        .now=${END}
        .businessHours=${amsterdam}
        .sla=${sla}
        .store=${store}
        .user=${owner}
        dashboard-id="sla-board"
        .dataSource=${new ArrayDataSource(sample.conversations, { lookups: sample.lookups })}
      ></conversation-dashboard>`,
    );
    await waitUntil(() => el.currentDashboard?.id === 'sla-board', 'the stored dashboard is open');
    expect(el.reportContext!.businessHours).to.deep.equal(early);
    expect(el.reportContext!.sla).to.deep.equal({ closeMs: 7_200_000 });
    // Another dashboard without its own: the host's again.
    el.dashboardId = 'chat-overview';
    await el.updateComplete;
    expect(el.reportContext!.businessHours).to.deep.equal(amsterdam);
  });

  it('shows the Team performance template: every report computed, the heatmap drawn and drilled by keyboard', async () => {
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard
        locale="en"
        time-zone="Europe/Amsterdam"
        .now=${END}
        .businessHours=${amsterdam}
        .sla=${sla}
        .dataSource=${new ArrayDataSource(sample.conversations, { lookups: sample.lookups })}
      ></conversation-dashboard>`,
    );
    el.restore({ dashboards: [{ id: 'team', name: 'Team', privacy: 'everyone', reports: templates.teamPerformance.reports }], dashboardId: 'team', templates: false });
    await el.updateComplete;
    await settled(el);
    const context = el.reportContext!;
    templates.teamPerformance.reports.forEach((spec, index) => {
      expect(tiles(el)[index]!.shownResult, spec.id).to.deep.equal(computeReport(table, spec, context));
      expect(tiles(el)[index]!.shadowRoot!.querySelector('[part="error"]'), spec.id).to.equal(null);
    });
    const index = templates.teamPerformance.reports.findIndex((spec) => spec.chartType === 'heatmap');
    const tile = tiles(el)[index]!;
    await waitUntil(() => (tile.chart?.getOption() as { series?: { type: string }[] } | undefined)?.series?.[0]?.type === 'heatmap', 'the heatmap is drawn');
    const cells = (tile.chart!.getOption() as { series: { data: { value: [number, number, number]; key: number; series: number }[] }[] }).series[0]!.data;
    for (const row of tile.shownResult!.rows) {
      const cell = cells.find((c) => c.key === row.key && c.series === row.series)!;
      expect(cell.value[2]).to.equal(row.value);
    }
    await expect(el).to.be.accessible();

    // By keyboard: the first cell (en: the week starts on Sunday, at midnight), a row down to
    // Monday, ten hours across to 10 AM, Enter.
    const view = tile.shadowRoot!.querySelector('cr-chart-view')!;
    view.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    for (let hour = 0; hour < 10; hour++) await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    const dialog = el.shadowRoot!.querySelector<DrillDialog>('drill-dialog')!;
    await waitUntil(() => dialog.open, 'the drill dialog opens');
    const spec = templates.teamPerformance.reports[index]!;
    const expected = drillDown(table, spec, context, { key: 10, series: 1 });
    expect(expected.total).to.be.greaterThan(0);
    await waitUntil(() => dialog.page !== null, 'the first page is shown');
    expect(dialog.page!.rows.map((c) => c.id)).to.deep.equal(expected.rows.map((c) => c.id));
    expect(dialog.page!.total).to.equal(expected.total);
    expect(dialog.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.contain('10:00 AM – 11:00 AM · Monday');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
  });
});
