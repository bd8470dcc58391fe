// React 19 example (react.html; README "In React"). React 19 sets a prop as a property when the
// element has one (dataSource, range, spec, result…) and turns `on<event-name>` props into listeners.
// An app imports 'conversation-reports' and 'conversation-reports/sample'; the demo imports the sources.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { createRoot } from 'react-dom/client';
import {
  ArrayDataSource,
  computeReport,
  createTable,
  type ConversationDashboard,
  type DashboardChangeEvent,
  type ReportDrillEvent,
  type ReportSpec,
  type ReportTile,
} from '../src/index.ts';
import { generateConversations } from '../src/entries/sample.ts';

// JSX types for the two tags: their properties, and their events as `on<event-name>`.
type ElementProps<E, K extends keyof E> = HTMLAttributes<HTMLElement> & Partial<Pick<E, K>> & {
  'onreport-drill'?: (event: ReportDrillEvent) => void;
};
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'conversation-dashboard': ElementProps<ConversationDashboard, 'dataSource' | 'range' | 'locale' | 'timeZone'> & {
        'ondashboard-change'?: (event: DashboardChangeEvent) => void;
      };
      'report-tile': ElementProps<ReportTile, 'spec' | 'result' | 'locale' | 'timeZone'>;
    }
  }
}

// 3 000 sample conversations over the 120 days before 2026-11-20 (seeded: the same every time).
const { conversations, lookups } = generateConversations({ n: 3000, seed: 7 });
const source = new ArrayDataSource(conversations, { lookups });
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

function App() {
  const [locale, setLocale] = useState('en');
  const [days, setDays] = useState<keyof typeof ranges>('30');
  const [drilled, setDrilled] = useState('nothing yet');
  const [dashboardName, setDashboardName] = useState('Chat overview');
  const range = ranges[days];
  const result = useMemo(() => computeReport(table, openEmails, { range, timeZone: 'UTC' }), [range]);
  const onDrill = (event: ReportDrillEvent) => setDrilled(`${event.detail.reportId}: ${event.detail.label ?? event.detail.key}`);

  return (
    <>
      <div className="controls">
        <label>
          Language{' '}
          <select name="locale" value={locale} onChange={(event) => setLocale(event.target.value)}>
            <option value="en">English</option>
            <option value="fr">Français</option>
            <option value="nl">Nederlands</option>
          </select>
        </label>
        <label>
          Range{' '}
          <select name="range" value={days} onChange={(event) => setDays(event.target.value as keyof typeof ranges)}>
            <option value="30">Last 30 days</option>
            <option value="7">Last 7 days</option>
          </select>
        </label>
        <span>Dashboard: <output id="dashboard-name">{dashboardName}</output></span>
        <span>Last drill: <output id="drilled">{drilled}</output></span>
      </div>
      <conversation-dashboard
        dataSource={source}
        range={range}
        locale={locale}
        timeZone="UTC"
        onreport-drill={onDrill}
        ondashboard-change={(event) => setDashboardName(event.detail.dashboard.name)}
      />
      <report-tile spec={openEmails} result={result} locale={locale} timeZone="UTC" onreport-drill={onDrill} />
    </>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
