import { html, nothing, type TemplateResult } from 'lit';
import type { Dashboard, DashboardUser } from '../../core/schema/dashboard.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { DashboardChangeEvent } from '../../events/dashboard-change-event.ts';
import type { DashboardCreateEvent } from '../../events/dashboard-create-event.ts';
import { DashboardDeleteEvent, type DashboardDeletedEvent } from '../../events/dashboard-delete-event.ts';
import type { ReportAddEvent } from '../../events/report-add-event.ts';
import type { ReportCreateCustomEvent } from '../../events/report-create-custom-event.ts';
import type { ReportSaveEvent } from '../../events/report-save-event.ts';
import { canCreateDashboard } from '../../store/permission-checks.ts';
import type { DashboardStore } from '../../store/dashboard-store.ts';
import type { Team } from '../shared/dialog/team.ts';
import { allowedByHost } from './report-actions-controller.ts';

export interface DashboardDialogsInput {
  dashboard: Dashboard | undefined;
  dashboards: readonly Dashboard[];
  store: DashboardStore | null;
  user: DashboardUser | null;
  teams: readonly Team[] | null;
  kiosk: string | null;
  locale: string;
  theme: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  /** The report in the editor, or null. */
  editing: ReportSpec | null;
  /** The element's list of dashboards, which the wizard's and the settings' outcomes change. */
  list: DashboardList;
  add: (event: ReportAddEvent) => void;
  createCustom: (event: ReportCreateCustomEvent) => void;
  /** The editor dialog was cancelled (Escape). */
  editorCancel: () => void;
  /** The editor dialog closed (see `ModalDialogController.handleClose`). */
  editorClosed: (event: Event) => void;
  save: (event: ReportSaveEvent) => void;
  closeEditor: () => void;
}

/** The wizard, settings and report library, only for users who may use them (each is defined when first opened), and the editor's dialog. */
export function renderDashboardDialogs(input: DashboardDialogsInput): TemplateResult | typeof nothing {
  const { store, user, dashboard, locale, theme } = input;
  if (input.kiosk !== null) return nothing;
  const outcomes = dialogOutcomes(input.list);
  const names = input.dashboards.filter((d) => d.ownerId !== '').map((d) => d.name);
  return html`${store && user && canCreateDashboard(user)
    ? html`<dashboard-wizard
        .store=${store}
        .user=${user}
        .teams=${input.teams}
        .existingNames=${names}
        locale=${locale}
        theme=${theme}
        @dashboard-create=${(event: DashboardCreateEvent) => outcomes.created(event)}
      ></dashboard-wizard>`
    : nothing}
  ${store && user && dashboard && dashboard.ownerId !== ''
    ? html`<dashboard-settings
        .store=${store}
        .user=${user}
        .dashboard=${dashboard}
        .teams=${input.teams}
        .existingNames=${names.filter((name) => name !== dashboard.name)}
        locale=${locale}
        theme=${theme}
        @dashboard-change=${(event: DashboardChangeEvent) => outcomes.settingsChanged(event.detail.dashboard)}
        @dashboard-delete=${(event: DashboardDeleteEvent) => outcomes.deleteRequest(event)}
        @cr-dashboard-deleted=${(event: DashboardDeletedEvent) => outcomes.deleted(event)}
      ></dashboard-settings>`
    : nothing}
  ${dashboard
    ? html`<report-library
        .existingIds=${dashboard.reports.map((r) => r.id)}
        locale=${locale}
        theme=${theme}
        @report-add=${(event: ReportAddEvent) => input.add(event)}
        @report-create-custom=${(event: ReportCreateCustomEvent) => input.createCustom(event)}
      ></report-library>`
    : nothing}
  <dialog class="editor-dialog" part="editor-dialog" aria-label=${input.t('dashboard.editReport')} @cancel=${input.editorCancel} @close=${input.editorClosed}>
    ${input.editing
      ? html`<report-editor
          .spec=${input.editing}
          locale=${locale}
          theme=${theme}
          @report-save=${(event: ReportSaveEvent) => input.save(event)}
          @report-cancel=${() => input.closeEditor()}
        ></report-editor>`
      : nothing}
  </dialog>`;
}

interface DialogOutcomes {
  created: (event: DashboardCreateEvent) => void;
  settingsChanged: (dashboard: Dashboard) => void;
  deleteRequest: (event: DashboardDeleteEvent) => void;
  deleted: (event: DashboardDeletedEvent) => void;
}

/** The element's list of dashboards, as the wizard's and the settings' outcomes change it. */
export interface DashboardList {
  /** Where the dashboard's own `dashboard-delete` is fired. */
  host: EventTarget;
  dashboards(): readonly Dashboard[];
  show(dashboards: Dashboard[]): void;
  open(dashboardId: string | null): void;
  /** Lists the store's dashboards again. */
  relist(): void;
}

/** What a dashboard created (wizard), changed or deleted (settings) does to the list; a delete is asked of the host first with the dashboard's own event. */
export function dialogOutcomes(list: DashboardList): DialogOutcomes {
  return {
    created: (event) => {
      const created = event.detail.dashboard;
      list.show([...list.dashboards().filter((d) => d.id !== created.id), created]);
      list.open(created.id);
    },
    settingsChanged: (dashboard) => list.show(list.dashboards().map((d) => (d.id === dashboard.id ? dashboard : d))),
    deleteRequest: (event) => {
      if (!allowedByHost(list.host, event, new DashboardDeleteEvent(event.detail.dashboard))) event.preventDefault();
    },
    deleted: (event) => {
      const left = list.dashboards().filter((d) => d.id !== event.detail.dashboardId);
      list.show(left);
      list.open(left[0]?.id ?? null);
      list.relist();
    },
  };
}
