import type { Dashboard } from '../core/schema/dashboard.ts';

/** A new dashboard was created and saved through the store. */
export class DashboardCreateEvent extends CustomEvent<{ dashboard: Dashboard }> {
  static readonly type = 'dashboard-create';
  constructor(dashboard: Dashboard) {
    super(DashboardCreateEvent.type, { detail: { dashboard }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'dashboard-create': DashboardCreateEvent;
  }
}
