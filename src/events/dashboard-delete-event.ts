import type { Dashboard } from '../core/schema/dashboard.ts';

/** A dashboard was deleted through the store; `dashboard` is the last version the user saw. */
export class DashboardDeleteEvent extends CustomEvent<{ dashboardId: string; dashboard: Dashboard }> {
  static readonly type = 'dashboard-delete';
  constructor(dashboard: Dashboard) {
    super(DashboardDeleteEvent.type, { detail: { dashboardId: dashboard.id, dashboard }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'dashboard-delete': DashboardDeleteEvent;
  }
}
