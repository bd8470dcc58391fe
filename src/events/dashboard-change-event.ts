import type { Dashboard } from '../core/schema/dashboard.ts';

/** Another dashboard was opened, or the open one changed (reports, name, privacy, range). */
export class DashboardChangeEvent extends CustomEvent<{ dashboardId: string; dashboard: Dashboard; reason: string }> {
  static readonly type = 'dashboard-change';
  constructor(detail: { dashboardId: string; dashboard: Dashboard; reason: string }) {
    super(DashboardChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'dashboard-change': DashboardChangeEvent;
  }
}
