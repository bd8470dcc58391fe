import type { PropertyValues } from 'lit';
import type { DashboardData } from '../../controllers/dashboard-data.ts';
import { DeclarativeSourceController, type DeclarativeHost } from '../../controllers/declarative-source.ts';
import { StandaloneDataController } from '../../controllers/declarative-tile-data.ts';
import { DashboardConfigError, parseJsonText, parseTileConfig, type TileConfig } from '../../core/schema/dashboard-config.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import { browserTimeZone } from '../../i18n/browser-time-zone.ts';
import { errorMessage } from '../../i18n/error-message.ts';
import { resolveLocale } from '../../i18n/translate.ts';
import { RangeValueError, resolveRange, type RangeValue } from '../conversation-dashboard/range-attribute.ts';

/** The tile's properties that markup configures. */
export interface TileMarkupHost extends DeclarativeHost {
  spec: ReportSpec | null;
  range: RangeValue;
  timeZone: string | undefined;
  locale: string | undefined;
  data: DashboardData | undefined;
}

/**
 * A standalone tile's markup configuration: the `spec` attribute, the child JSON config and the
 * source attributes. A tile with a source loads its own data and sets it as `data`, as a dashboard would.
 */
export class TileMarkupController {
  readonly #host: TileMarkupHost;
  readonly #t: (key: string, params?: Record<string, string | number>) => string;
  readonly #declarative: DeclarativeSourceController<TileConfig>;
  /** Made when a source is first declared, so tiles on a dashboard carry no loader of their own. */
  #standalone: StandaloneDataController | null = null;
  /** The spec last taken from markup (a spec set by script is never cleared by markup). */
  #declaredSpec: ReportSpec | null = null;
  /** The `spec` attribute's text, read in the next update (undefined: unchanged). */
  #specAttribute: string | null | undefined = undefined;
  #specConfig: TileConfig | null = null;
  #specError: DashboardConfigError | null = null;
  /** Why the range could not be resolved, as thrown: worded when asked for, so it follows the locale. */
  #rangeError: { thrown: unknown } | null = null;
  /** The data this tile loaded itself (standalone, with a source attribute). */
  #ownData: DashboardData | undefined;

  constructor(host: TileMarkupHost, t: (key: string, params?: Record<string, string | number>) => string) {
    this.#host = host;
    this.#t = t;
    this.#declarative = new DeclarativeSourceController<TileConfig>(host, {
      parse: parseTileConfig,
      sourceOf: (config) => config.source,
      environment: () => ({ timeZone: host.timeZone }),
      what: 'Invalid report spec',
    });
  }

  /** Why the markup configuration cannot be used (the `spec` JSON, the child config, an attribute), or null. */
  get error(): DashboardConfigError | null {
    return this.#specError ?? this.#declarative.error ?? (this.#rangeError && this.#rangeConfigError(this.#rangeError.thrown));
  }

  #rangeConfigError(error: unknown): DashboardConfigError {
    const range = error instanceof RangeValueError;
    const message = range ? this.#t(`dashboard.rangeError.${error.problem}`, { value: error.value }) : errorMessage(error);
    return new DashboardConfigError([{ path: range && error.problem === 'unknown-zone' ? 'time-zone' : 'range', message }], { what: 'Invalid range' });
  }

  /** The `spec` attribute changed: read in the next update. */
  specAttributeChanged(value: string | null): void {
    this.#specAttribute = value;
  }

  /** Called at the start of the host's `willUpdate`. */
  update(changed: PropertyValues): void {
    const host = this.#host;
    const change = this.#declarative.update();
    let specChanged = false;
    if (this.#specAttribute !== undefined) {
      const text = this.#specAttribute;
      this.#specAttribute = undefined;
      specChanged = true;
      this.#specConfig = null;
      this.#specError = null;
      if (text !== null) {
        try {
          this.#specConfig = parseTileConfig(parseJsonText(text, 'Invalid report spec'));
        } catch (error) {
          if (!(error instanceof DashboardConfigError)) throw error;
          this.#specError = new DashboardConfigError(
            error.issues.map((issue) => ({ ...issue, path: issue.path ? `spec.${issue.path}` : 'spec' })),
            { what: 'Invalid report spec' },
          );
        }
      }
    }
    // The attribute wins over the child script.
    const declared = this.#specConfig ?? this.#declarative.config;
    if ((specChanged || change.config) && !declared && host.spec !== null && host.spec === this.#declaredSpec) {
      host.spec = null;
      this.#declaredSpec = null;
    }
    if ((specChanged || change.config) && declared) {
      host.spec = declared.spec;
      this.#declaredSpec = declared.spec;
      if (declared.range !== undefined && !host.hasAttribute('range')) host.range = declared.range;
      if (declared.timeZone !== undefined && !host.hasAttribute('time-zone')) host.timeZone = declared.timeZone;
      if (declared.locale !== undefined && !host.hasAttribute('locale')) host.locale = declared.locale;
    }
    const source = this.#specError ?? this.#declarative.error ? null : this.#declarative.source;
    if (change.source || specChanged || changed.has('range') || changed.has('timeZone')) {
      let context = null;
      this.#rangeError = null;
      if (source) {
        const timeZone = host.timeZone ?? browserTimeZone();
        try {
          context = { range: resolveRange(host.range, Date.now(), timeZone), timeZone };
        } catch (error) {
          this.#rangeError = { thrown: error };
        }
      }
      if (context && source) this.#standalone ??= new StandaloneDataController(host);
      this.#standalone?.set(context ? source : null, context);
    }
    if (source && this.#standalone) {
      this.#ownData = this.#standalone.value(resolveLocale(host.locale));
      host.data = this.#ownData;
    } else if (this.#ownData) {
      if (host.data === this.#ownData) host.data = undefined;
      this.#ownData = undefined;
    }
  }

  /** The range a standalone tile with a source shows, or null (no source, or an invalid range). */
  standaloneRange(timeZone: string): { from: number; to: number } | null {
    const host = this.#host;
    try {
      return host.src || host.csvSrc || host.hubspotProxy || host.sample !== null ? resolveRange(host.range, Date.now(), timeZone) : null;
    } catch {
      return null;
    }
  }
}
