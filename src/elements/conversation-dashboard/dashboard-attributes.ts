import type { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { systemClock, type Clock } from '../../controllers/clock.ts';
import type { BusinessHours, Sla } from '../../core/schema/business-hours.ts';
import type { DashboardConfigError } from '../../core/schema/dashboard-config.ts';
import { HostSettingsAttributes } from './host-settings.ts';

// A mixin must accept any constructor signature (TypeScript requires `any[]` here); the static side
// is named so a mixin may add observed attributes.
type LitElementClass = (abstract new (...args: any[]) => LitElement) & Pick<typeof LitElement, 'observedAttributes'>;

// The mixins' return types are spelled out: declaration emit cannot name an anonymous class (TS4094
// on LitElement's protected members), which breaks `vite build`.

/** The markup configuration attributes of `<conversation-dashboard>` (see `MarkupConfigController`). */
export interface MarkupConfigProperties {
  src: string | null;
  csvSrc: string | null;
  hubspotProxy: string | null;
  serverSrc: string | null;
  sample: string | null;
  storeType: string | null;
  storeSrc: string | null;
}

/**
 * The source and store attributes a dashboard configured in markup reads. `store-type` has an older
 * name, `store`, kept as a deprecated alias: the `store` property is the store object itself.
 */
export function MarkupConfigAttributes<T extends LitElementClass>(Base: T): T & (abstract new (...args: any[]) => MarkupConfigProperties) {
  abstract class WithMarkupConfigAttributes extends Base {
    /** Markup configuration: a REST endpoint of conversations, read with `RestDataSource`'s defaults. Sets `dataSource`. */
    @property() src: string | null = null;
    /** Markup configuration: the URL of a CSV export of conversations, read with `CsvDataSource.fromUrl`. Sets `dataSource`. */
    @property({ attribute: 'csv-src' }) csvSrc: string | null = null;
    /** Markup configuration: the base URL of the host's HubSpot proxy (`HubSpotDataSource`). Sets `dataSource`. */
    @property({ attribute: 'hubspot-proxy' }) hubspotProxy: string | null = null;
    /** Markup configuration: the endpoint of the kit's server half (`createReportHandler`); reports are computed there (`ServerDataSource`). Sets `dataSource`. */
    @property({ attribute: 'server-src' }) serverSrc: string | null = null;
    /** Markup configuration: generated demo conversations; the value is how many (empty: 2000). Sets `dataSource`. */
    @property() sample: string | null = null;
    /**
     * Markup configuration: `local` keeps dashboards in this browser (`LocalStorageDashboardStore`). Sets `store`.
     * Attribute `store-type`; the older `store` attribute still works (deprecated), `store-type` wins over it.
     */
    @property({ attribute: 'store-type' }) storeType: string | null = null;
    /** Markup configuration: base URL of a `RestDashboardStore` (up to, not including, `/dashboards`). Sets `store`. */
    @property({ attribute: 'store-src' }) storeSrc: string | null = null;

    static override get observedAttributes(): string[] {
      return [...super.observedAttributes, 'store'];
    }

    override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
      super.attributeChangedCallback(name, old, value);
      if (name === 'store' && old !== value && !this.hasAttribute('store-type')) this.storeType = value;
      // `store-type` taken away: the deprecated attribute, if still there, says it again.
      if (name === 'store-type' && value === null && this.hasAttribute('store')) this.storeType = this.getAttribute('store');
    }
  }
  return WithMarkupConfigAttributes;
}

/** How the view lives in its page: shared by link, refreshed in the background, shown on a wall. */
export interface LiveViewProperties {
  syncUrl: string | null;
  refreshInterval: number | null;
  kiosk: string | null;
  clock: Clock;
}

export function LiveViewAttributes<T extends LitElementClass>(Base: T): T & (abstract new (...args: any[]) => LiveViewProperties) {
  abstract class WithLiveViewAttributes extends Base {
    /**
     * Mirrors the range, the open dashboard and the comparison into the page's URL
     * (`?cr-range=last-7-days&cr-dashboard=email-overview&cr-compare=1`) and reads them back, so a
     * view can be shared by link. A value names the parameters apart: `sync-url="sales"` → `cr-sales-range`.
     */
    @property({ attribute: 'sync-url' }) syncUrl: string | null = null;
    /**
     * Seconds between background re-reads of the source, for a wall display (unset or 0: none). The
     * numbers on screen stay until the new ones are ready; the timer pauses while the tab is hidden
     * and waits longer after each failure (doubling, up to 15 minutes or the interval).
     */
    @property({ attribute: 'refresh-interval', type: Number }) refreshInterval: number | null = null;
    /**
     * Wall display: present, it hides the editing chrome (create, add, settings, the tiles' Actions
     * menus, drag to reorder); a number of seconds (`kiosk="30"`) also cycles through the dashboards.
     */
    @property({ reflect: true }) kiosk: string | null = null;
    /** The clock the refresh and kiosk timers run on (default: the page's); tests move time by hand. */
    @property({ attribute: false }) clock: Clock = systemClock;
  }
  return WithLiveViewAttributes;
}

export interface HostSettingsProperties {
  businessHours: BusinessHours | null;
  sla: Sla | null;
}

/** The attribute reader of each element with host settings (kept apart so it adds no member to the element). */
const readers = new WeakMap<object, HostSettingsAttributes>();

function readerOf(host: object): HostSettingsAttributes {
  let reader = readers.get(host);
  if (!reader) readers.set(host, (reader = new HostSettingsAttributes()));
  return reader;
}

/** Why the `business-hours` or `sla` attribute cannot be used, or null. */
export function hostSettingsError(host: HostSettingsProperties): DashboardConfigError | null {
  return readers.get(host)?.error ?? null;
}

/** The host's business hours and SLA targets: properties, and JSON attributes read by `HostSettingsAttributes`. */
export function HostSettings<T extends LitElementClass>(Base: T): T & (abstract new (...args: any[]) => HostSettingsProperties) {
  abstract class WithHostSettings extends Base {
    /**
     * (v2) Opening hours the business-hours properties count in (`responseTimeBusiness`, SLAs with
     * `businessHours: true`): `{ timeZone, week: { mon: [["09:00", "17:00"]], … }, holidays?, byInbox? }`.
     * A dashboard with its own `businessHours` uses those. Attribute `business-hours`: the same as JSON.
     */
    @property({ attribute: false }) businessHours: BusinessHours | null = null;
    /**
     * (v2) SLA targets of `firstResponseSla` / `closeSla`: `{ firstResponseMs?, closeMs?, businessHours?, now? }`.
     * A dashboard with its own `sla` uses those. Attribute `sla`: the same as JSON.
     */
    @property({ attribute: false }) sla: Sla | null = null;

    static override get observedAttributes(): string[] {
      return [...super.observedAttributes, 'business-hours', 'sla'];
    }

    override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
      super.attributeChangedCallback(name, old, value);
      if (old !== value && readerOf(this).apply(name, value, this)) this.requestUpdate();
    }
  }
  return WithHostSettings;
}
