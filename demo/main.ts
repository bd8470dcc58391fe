import '../src/index.ts';
import { ArrayDataSource } from '../src/adapters/array-data-source.ts';
import type { DataSource } from '../src/adapters/data-source.ts';
import type { Lookups } from '../src/core/schema/conversation.ts';
import type { SampleMessage } from './sample-arrow.worker.ts';
import type { ConversationDashboard } from '../src/elements/conversation-dashboard/conversation-dashboard.ts';
import { generateConversations } from '../src/sample/generate-conversations.ts';
import type { DashboardUser } from '../src/core/schema/dashboard.ts';
import { LocalStorageDashboardStore } from '../src/store/local-storage-dashboard-store.ts';
import { schemeDeclarations } from '../src/theme/tokens.ts';
import { showCsvAsData, translateDemo } from './demo-text.ts';

// Four people, to show privacy at work: a dashboard Olivia shares with her team is seen by Tom and
// Vera (who may not edit), never by Oscar.
const users: Record<string, DashboardUser> = {
  olivia: { id: 'olivia', teamIds: ['support', 'sales'], canEdit: true },
  tom: { id: 'tom', teamIds: ['support'], canEdit: true },
  oscar: { id: 'oscar', teamIds: ['billing'], canEdit: true },
  vera: { id: 'vera', teamIds: ['support'], canEdit: false },
};
const teams = [
  { id: 'support', name: 'Support' },
  { id: 'sales', name: 'Sales' },
  { id: 'billing', name: 'Billing' },
];

const dashboard = document.querySelector<ConversationDashboard>('#dashboard')!;
const controls = document.querySelector<HTMLFormElement>('#controls')!;
const params = new URLSearchParams(location.search);

function field(name: string): HTMLSelectElement {
  return controls.elements.namedItem(name) as HTMLSelectElement;
}

dashboard.store = new LocalStorageDashboardStore({ key: 'conversation-reports-demo' });
dashboard.teams = teams;

for (const name of ['user', 'size', 'theme', 'locale', 'timeZone']) {
  const value = params.get(name);
  if (value && [...field(name).options].some((option) => option.value === value)) field(name).value = value;
}

/** From this size on, the sample is made in a Worker and arrives as Arrow (see sample-arrow.worker.ts). */
const WORKER_SAMPLE_FROM = 50_000;

/** Large samples as a server would send them: Arrow slices from a Worker, lookups first. */
function workerSample(size: number): DataSource {
  let setLookups!: (value: Lookups) => void;
  // Asked for alongside the first page: it settles when the Worker sends the names.
  const lookups = new Promise<Lookups>((resolve) => (setLookups = resolve));
  return {
    async *load({ signal }) {
      const worker = new Worker(new URL('./sample-arrow.worker.ts', import.meta.url), { type: 'module' });
      const messages: SampleMessage[] = [];
      let wake: (() => void) | null = null;
      worker.onmessage = (event: MessageEvent<SampleMessage>) => {
        if (event.data.type === 'lookups') setLookups(event.data.lookups as Lookups);
        else messages.push(event.data);
        wake?.();
      };
      worker.postMessage({ size, end: Date.now(), slice: 100_000 });
      try {
        for (;;) {
          while (messages.length === 0) {
            if (signal.aborted) throw signal.reason;
            await new Promise<void>((resolve) => (wake = resolve));
          }
          const message = messages.shift()!;
          if (message.type !== 'page') continue;
          yield { arrow: message.bytes, total: size };
          if (message.last) return;
        }
      } finally {
        worker.terminate();
      }
    },
    lookups: () => lookups,
  };
}

function useData(size: number): void {
  if (size >= WORKER_SAMPLE_FROM) {
    dashboard.dataSource = workerSample(size);
    return;
  }
  // Data ends now, so every preset ("last 30 days", "this week"…) has conversations in it.
  const { conversations, lookups } = generateConversations({ n: size, seed: 42, end: Date.now(), days: 400 });
  dashboard.dataSource = new ArrayDataSource(conversations, { lookups, pageSize: 10_000 });
}

function apply(): void {
  dashboard.user = users[field('user').value] ?? users.olivia!;
  const scheme = field('theme').value === 'dark' ? 'dark' : 'light';
  document.documentElement.classList.toggle('dark', scheme === 'dark');
  document.documentElement.style.cssText = schemeDeclarations(scheme, '--demo-');
  dashboard.theme = scheme;
  document.querySelector('csv-import')?.setAttribute('theme', scheme);
  dashboard.locale = field('locale').value;
  document.documentElement.lang = field('locale').value;
  translateDemo(document, field('locale').value);
  document.querySelector('csv-import')?.setAttribute('locale', field('locale').value);
  dashboard.timeZone = field('timeZone').value;
}

document.addEventListener('csv-load', () => showCsvAsData(field('size'), field('locale').value));

controls.addEventListener('change', (event) => {
  const target = event.target as HTMLSelectElement;
  if (target.name === 'size' && target.value === 'csv') return;
  if (target.name === 'size') useData(Number(target.value));
  apply();
  const url = new URL(location.href);
  url.searchParams.set(target.name, target.value);
  history.replaceState(null, '', url);
});

apply();
useData(Number(field('size').value));
