// Vue 3 example (vue.html; README "In Vue"). `.prop` binds a DOM property (objects: dataSource,
// range, spec, result); `@report-drill` listens to the element's event; `isCustomElement` tells the
// template compiler these tags are not Vue components. The full build compiles the template in the
// browser; with single-file components import from 'vue' and give `isCustomElement` to
// @vitejs/plugin-vue instead. An app imports 'conversation-reports' and 'conversation-reports/sample'.
import { computed, createApp, markRaw, ref } from 'vue/dist/vue.esm-bundler.js';
import { ArrayDataSource, computeReport, createTable, type DashboardChangeEvent, type ReportDrillEvent, type ReportSpec } from '../src/index.ts';
import { generateConversations } from '../src/entries/sample.ts';

// 3 000 sample conversations over the 120 days before 2026-11-20 (seeded: the same every time).
const { conversations, lookups } = generateConversations({ n: 3000, seed: 7 });
const source = markRaw(new ArrayDataSource(conversations, { lookups }));
const table = createTable(conversations, lookups);
const END = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;
const ranges = {
  '30': { from: END - 30 * DAY, to: END },
  '7': { from: END - 7 * DAY, to: END },
};
const openEmails: ReportSpec = {
  id: 'open-emails-by-inbox',
  title: 'Open emails by inbox',
  channel: 'email',
  chartType: 'table',
  dimension: 'inboxId',
  measure: { op: 'count' },
  filters: [{ property: 'status', operator: 'is', value: 'open' }],
  dateProperty: 'createdAt',
};

const app = createApp({
  setup() {
    const locale = ref('en');
    const days = ref<keyof typeof ranges>('30');
    const drilled = ref('nothing yet');
    const dashboardName = ref('Chat overview');
    const range = computed(() => ranges[days.value]);
    const result = computed(() => markRaw(computeReport(table, openEmails, { range: range.value, timeZone: 'UTC' })));
    const onDrill = (event: ReportDrillEvent) => (drilled.value = `${event.detail.reportId}: ${event.detail.label ?? event.detail.key}`);
    const onDashboardChange = (event: DashboardChangeEvent) => (dashboardName.value = event.detail.dashboard.name);
    return { source, openEmails, locale, days, drilled, dashboardName, range, result, onDrill, onDashboardChange };
  },
  template: `
    <div class="controls">
      <label>Language
        <select name="locale" v-model="locale">
          <option value="en">English</option>
          <option value="fr">Français</option>
          <option value="nl">Nederlands</option>
        </select>
      </label>
      <label>Range
        <select name="range" v-model="days">
          <option value="30">Last 30 days</option>
          <option value="7">Last 7 days</option>
        </select>
      </label>
      <span>Dashboard: <output id="dashboard-name">{{ dashboardName }}</output></span>
      <span>Last drill: <output id="drilled">{{ drilled }}</output></span>
    </div>
    <conversation-dashboard
      :dataSource.prop="source"
      :range.prop="range"
      :locale.prop="locale"
      time-zone="UTC"
      @report-drill="onDrill"
      @dashboard-change="onDashboardChange"
    ></conversation-dashboard>
    <report-tile :spec.prop="openEmails" :result.prop="result" :locale.prop="locale" time-zone="UTC" @report-drill="onDrill"></report-tile>
  `,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.includes('-');
app.mount('#app');
