import type { Dashboard } from '../core/schema/dashboard.ts';

/**
 * A dashboard is about to be deleted (Settings → Delete, confirmed). Cancelable and dispatched
 * **before** the store is asked: a host's `preventDefault()` keeps the dashboard. `dashboard` is
 * the last version the user saw. Inside `<conversation-dashboard>`, the settings dialog's event is
 * a request the dashboard stops and fires again from itself (with the same detail).
 */
export class DashboardDeleteEvent extends CustomEvent<{ dashboardId: string; dashboard: Dashboard }> {
  static readonly type = 'dashboard-delete';
  constructor(dashboard: Dashboard) {
    super(DashboardDeleteEvent.type, { detail: { dashboardId: dashboard.id, dashboard }, bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * Internal: the settings dialog deleted a dashboard through the store (after an allowed
 * `dashboard-delete`). It does not leave the dashboard's shadow root (not composed).
 */
export class DashboardDeletedEvent extends CustomEvent<{ dashboardId: string }> {
  static readonly type = 'cr-dashboard-deleted';
  constructor(dashboardId: string) {
    super(DashboardDeletedEvent.type, { detail: { dashboardId }, bubbles: true, composed: false });
  }
}

declare global {
  interface HTMLElementEventMap {
    'dashboard-delete': DashboardDeleteEvent;
    'cr-dashboard-deleted': DashboardDeletedEvent;
  }
}
