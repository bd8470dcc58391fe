import type { DashboardStoreController } from '../../controllers/dashboard-store-controller.ts';
import type { UrlViewState } from '../../controllers/url-sync-controller.ts';
import type { BusinessHours, Sla } from '../../core/schema/business-hours.ts';
import type { Dashboard } from '../../core/schema/dashboard.ts';
import { DASHBOARD_CONFIG_VERSION, type DashboardConfig, type DashboardConfigInput } from '../../core/schema/dashboard-config.ts';
import type { Filter } from '../../core/schema/report-spec.ts';
import type { DateRange, ReportContext } from '../../core/types.ts';
import { templateList } from '../../core/dashboard/templates.ts';
import { resolveRange, type RangeValue } from './range-attribute.ts';

/** The element's public view properties a config and a shared link read and set. */
export interface ConfigView {
  dashboardId: string | null;
  range: RangeValue;
  compare: boolean;
  locale: string | undefined;
  timeZone: string | undefined;
  businessHours: BusinessHours | null;
  sla: Sla | null;
  filters: Filter[] | null;
  now: number | undefined;
  readonly resolvedRange: DateRange | null;
  readonly currentDashboard: Dashboard | undefined;
  hasAttribute(name: string): boolean;
}

/** What `save()` returns: the dashboards but the untouched built-in templates, and the view; plain data. */
export function saveConfig(view: ConfigView, dashboards: readonly Dashboard[], store: DashboardStoreController): DashboardConfigInput {
  const templateIds = new Set(templateList.map((template) => template.id));
  const configIds = new Set(store.configDashboards.map((d) => d.id));
  const config: DashboardConfigInput = {
    version: DASHBOARD_CONFIG_VERSION,
    dashboards: dashboards.filter((d) => !(d.ownerId === '' && templateIds.has(d.id) && !configIds.has(d.id))),
    ...(store.templates ? {} : { templates: false }),
    dashboardId: view.currentDashboard?.id ?? null,
    ...(view.resolvedRange ? { range: view.range } : {}),
    compare: view.compare,
    ...(view.locale ? { locale: view.locale } : {}),
    ...(view.timeZone ? { timeZone: view.timeZone } : {}),
    ...(view.businessHours ? { businessHours: view.businessHours } : {}),
    ...(view.sla ? { sla: view.sla } : {}),
  };
  return JSON.parse(JSON.stringify(config)) as DashboardConfigInput;
}

/** Sets what a valid config gives (its dashboards go to the store controller); from markup, what an attribute on the element says wins. */
export function applyConfig(view: ConfigView, store: DashboardStoreController, config: DashboardConfig, fromMarkup: boolean): void {
  const keep = (attribute: string) => fromMarkup && view.hasAttribute(attribute);
  store.configDashboards = structuredClone(config.dashboards);
  store.templates = config.templates ?? true;
  if (config.dashboardId !== undefined && !keep('dashboard-id')) view.dashboardId = config.dashboardId;
  if (config.range !== undefined && !keep('range')) view.range = structuredClone(config.range);
  if (config.compare !== undefined && !keep('compare')) view.compare = config.compare;
  if (config.locale !== undefined && !keep('locale')) view.locale = config.locale;
  if (config.timeZone !== undefined && !keep('time-zone')) view.timeZone = config.timeZone;
  if (config.businessHours !== undefined && !keep('business-hours')) view.businessHours = structuredClone(config.businessHours);
  if (config.sla !== undefined && !keep('sla')) view.sla = structuredClone(config.sla);
}

/** A shared link: what the URL says, where it can be used (a range it cannot read is ignored). */
export function applyUrlState(view: ConfigView, state: UrlViewState, timeZone: string): void {
  if (state.range !== undefined) {
    try {
      resolveRange(state.range, view.now ?? Date.now(), timeZone);
      view.range = state.range;
    } catch {
      // A hand-edited link: keep the range the page gives.
    }
  }
  if (state.dashboardId) view.dashboardId = state.dashboardId;
  if (state.compare !== undefined) view.compare = state.compare;
  if (state.filters !== undefined) view.filters = state.filters;
}

/** The context of every report: the range, the zone, the comparison, and a dashboard's own business hours and SLA targets, else the host's. */
export function reportContextOf(view: ConfigView, timeZone: string): ReportContext | null {
  const range = view.resolvedRange;
  if (!range) return null;
  const dashboard = view.currentDashboard;
  const businessHours = dashboard?.businessHours ?? view.businessHours ?? undefined;
  const sla = dashboard?.sla ?? view.sla ?? undefined;
  return {
    range,
    timeZone,
    ...(view.compare ? { compare: 'previous-period' as const } : {}),
    ...(businessHours ? { businessHours } : {}),
    ...(sla ? { sla } : {}),
  };
}
