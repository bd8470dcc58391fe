/**
 * "Load your CSV" for the demo page: a <csv-import> whose loaded file becomes the data of the
 * page's <conversation-dashboard>. It goes into `#load-csv` when the page has one, else after the
 * dashboard. A link offers a sample export to try it with.
 */
import type { ConversationDashboard } from '../src/elements/conversation-dashboard/conversation-dashboard.ts';
import '../src/elements/csv-import/csv-import.ts';
import type { CsvImport } from '../src/elements/csv-import/csv-import.ts';
import { toCsv } from '../src/core/export/csv.ts';
import { generateConversations } from '../src/sample/generate-conversations.ts';
import { translateDemo } from './demo-text.ts';

const FIELDS = ['id', 'channel', 'status', 'inboxId', 'assigneeId', 'createdAt', 'firstResponseAt', 'closedAt', 'chatflowId', 'pageUrl', 'ticketId', 'subject', 'contactName', 'contactEmail'] as const;

/** A small export with ISO times, as a help desk would write it. */
function sampleCsv(): string {
  const { conversations } = generateConversations({ n: 500, seed: 7, end: Date.now(), days: 60 });
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return toCsv(
    [...FIELDS, 'priority'],
    conversations.map((c) => [
      ...FIELDS.map((field) => (field === 'createdAt' || field === 'firstResponseAt' || field === 'closedAt' ? iso(c[field]) : c[field])),
      (c.properties.priority as string | undefined) ?? null,
    ]),
  );
}

export function mountCsvImport(container?: Element | null): CsvImport {
  const dashboard = document.querySelector<ConversationDashboard>('conversation-dashboard');
  const element = document.createElement('csv-import');
  // The page's theme as demo/main.ts set it (it updates this element when the theme changes).
  element.setAttribute('theme', document.documentElement.classList.contains('dark') ? 'dark' : 'light');
  element.setAttribute('locale', document.documentElement.lang || 'en');
  element.addEventListener('csv-load', (event) => {
    const target = document.querySelector<ConversationDashboard>('conversation-dashboard');
    if (target) target.dataSource = event.detail.source;
  });
  const sample = document.createElement('a');
  sample.textContent = 'Download a sample CSV to try';
  sample.dataset.text = 'sampleCsv';
  sample.download = 'sample-conversations.csv';
  sample.href = '#';
  sample.addEventListener('click', () => {
    sample.href = URL.createObjectURL(new Blob([sampleCsv()], { type: 'text/csv' }));
  }, { once: true });
  const wrapper = document.createElement('section');
  wrapper.className = 'load-csv';
  wrapper.append(element, sample);
  if (container) container.append(wrapper);
  else if (dashboard) dashboard.after(wrapper);
  else document.body.append(wrapper);
  translateDemo(wrapper, document.documentElement.lang || 'en');
  return element;
}

mountCsvImport(document.querySelector('#load-csv'));
