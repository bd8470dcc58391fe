// The scale demo's page (`npm run demo:server`): the dashboard on a ServerDataSource. Switching the
// user switches the source, so every report and drill is asked again under that user's scope.
import '../src/index.ts';
import { MemoryDashboardStore } from '../src/index.ts';
import { ServerDataSource } from '../src/adapters/server-data-source.ts';
import type { ConversationDashboard } from '../src/elements/conversation-dashboard/conversation-dashboard.ts';

const dashboard = document.querySelector<ConversationDashboard>('#dashboard')!;
const select = document.querySelector<HTMLSelectElement>('select[name="user"]')!;
// The generated year ends on 1 December 2026.
dashboard.now = Date.UTC(2026, 11, 1);
dashboard.store = new MemoryDashboardStore();
dashboard.user = { id: 'demo', teamIds: [], canEdit: true };

function connect(): void {
  const user = select.value;
  dashboard.dataSource = new ServerDataSource({ url: '/api/reports', headers: () => ({ 'X-Demo-User': user }) });
}
select.addEventListener('change', connect);
connect();
