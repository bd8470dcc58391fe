import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { DateRange } from '../../core/types.ts';
import type { Dashboard, DashboardUser } from '../../core/schema/dashboard.ts';
import type { RangeSelectEvent } from '../../events/range-select-event.ts';
import { dashboardName } from '../../i18n/report-titles.ts';
import { canCreateDashboard, canEditDashboard, canSee } from '../../store/permission-checks.ts';
import type { DashboardStore } from '../../store/dashboard-store.ts';
import type { RangeValue } from './range-attribute.ts';

/** The dialogs the toolbar opens. */
export type ToolbarDialog = 'wizard' | 'library' | 'settings';

/** The dialogs of the toolbar, loaded when first opened (not in the first paint). */
const dialogModules: Record<ToolbarDialog, () => Promise<unknown>> = {
  wizard: () => import('../dashboard-wizard/dashboard-wizard.ts'),
  library: () => import('../report-library/report-library.ts'),
  settings: () => import('../dashboard-settings/dashboard-settings.ts'),
};

const dialogTags = { wizard: 'dashboard-wizard', library: 'report-library', settings: 'dashboard-settings' } as const;

/** Opens the wizard, the report library or the settings in `host`, defining its element first (its module loads on first use). */
export async function showToolbarDialog(host: ReactiveElement, dialog: ToolbarDialog): Promise<void> {
  await dialogModules[dialog]();
  await host.updateComplete;
  await host.renderRoot.querySelector(dialogTags[dialog])?.show();
}

export interface DashboardHeaderInput {
  dashboards: readonly Dashboard[];
  current: Dashboard | undefined;
  store: DashboardStore | null;
  user: DashboardUser | null;
  kiosk: string | null;
  range: RangeValue;
  resolved: DateRange | null;
  compare: boolean;
  locale: string;
  timeZone: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  select: (dashboardId: string) => void;
  show: (dialog: ToolbarDialog) => void;
  rangeSelect: (event: RangeSelectEvent) => void;
  setCompare: (compare: boolean) => void;
  /** The refresh line (see refresh-status.ts), or nothing. */
  refreshStatus: TemplateResult | typeof nothing;
}

/** The switcher, the toolbar, the range picker, the comparison toggle and the refresh line. */
export function renderDashboardHeader(input: DashboardHeaderInput): TemplateResult {
  const { current, locale, t } = input;
  return html`<div part="header">
    <label class="field">
      <span>${t('dashboard.switcher')}</span>
      <select part="switcher" @change=${(event: Event) => input.select((event.target as HTMLSelectElement).value)}>
        ${input.dashboards.map((d) => html`<option value=${d.id} ?selected=${d.id === current?.id}>${dashboardName(d, locale)}</option>`)}
      </select>
    </label>
    ${renderToolbar(input)}
    <span class="spacer"></span>
    <cr-range-picker
      part="range"
      .range=${input.range}
      .resolved=${input.resolved}
      locale=${locale}
      time-zone=${input.timeZone}
      @range-select=${(event: RangeSelectEvent) => input.rangeSelect(event)}
    ></cr-range-picker>
    <label class="compare" part="compare">
      <input type="checkbox" .checked=${input.compare} @change=${(event: Event) => input.setCompare((event.target as HTMLInputElement).checked)} />
      ${t('dashboard.compare')}
    </label>
    ${input.refreshStatus}
  </div>`;
}

/** Create dashboard, Add report and Settings, each only for users who may use it; none on a wall display. */
function renderToolbar({ store, user, kiosk, current: dashboard, t, show }: DashboardHeaderInput): TemplateResult | typeof nothing {
  if (!store || !user || kiosk !== null) return nothing;
  const create = canCreateDashboard(user);
  const edit = Boolean(dashboard && canEditDashboard(dashboard, user));
  const settings = Boolean(dashboard && dashboard.ownerId !== '' && canSee(dashboard, user) && edit);
  if (!create && !edit && !settings) return nothing;
  return html`<div part="toolbar" role="group" aria-label=${t('dashboard.toolbar')} class="toolbar">
    ${create ? html`<button type="button" class="primary" @click=${() => show('wizard')}>${t('dashboard.create')}</button>` : nothing}
    ${edit ? html`<button type="button" @click=${() => show('library')}>${t('dashboard.addReport')}</button>` : nothing}
    ${settings ? html`<button type="button" @click=${() => show('settings')}>${t('dashboard.settings')}</button>` : nothing}
  </div>`;
}
