import type { DataSource } from '../adapters/data-source.ts';
import type { SourceEnvironment } from '../adapters/declarative-data-source.ts';
import {
  DashboardConfigError,
  parseDeclarativeDashboardConfig,
  type DeclarativeDashboardConfig,
  type StoreOptions,
} from '../core/schema/dashboard-config.ts';
import type { DashboardUser } from '../core/schema/dashboard.ts';
import type { Team } from '../elements/shared/dialog/team.ts';
import { onDemand } from '../core/on-demand.ts';
import { defaultStoreUser, storeOptionsFromAttributes } from '../store/store-attributes.ts';
import type { DashboardStore } from '../store/dashboard-store.ts';
import { DeclarativeSourceController, type DeclarativeHost } from './declarative-source.ts';

/** A `<conversation-dashboard>` as markup configures it: source and store attributes, and what they set. */
export interface MarkupConfigHost extends DeclarativeHost {
  dataSource: DataSource | null;
  store: DashboardStore | null;
  user: DashboardUser | null;
  teams: readonly Team[] | null;
  storeType: string | null;
  storeSrc: string | null;
}

export interface MarkupConfigOptions {
  /** What the source may take from the element (its explicit zone, its `now`). */
  environment(): SourceEnvironment;
  /** A valid child config appeared or changed: apply it (what an attribute says wins). */
  apply(config: DeclarativeDashboardConfig): void;
  /** A new configuration error (or a different one): tell the host. */
  failed(error: DashboardConfigError): void;
  /** The store the markup names could not be loaded (its chunk did not arrive): tell the host. */
  unavailable(error: unknown): void;
}

/** The stores markup can name, with their validation: loaded only when markup names a store. */
const stores = onDemand(() => import('../store/declarative-store.ts'));

/**
 * Markup configuration of a dashboard: the child `<script type="application/json">` and the source
 * (`src`, `csv-src`, `hubspot-proxy`, `server-src`, `sample`) and store (`store-type`, or its deprecated alias `store`, and `store-src`)
 * attributes, read through the `DeclarativeSourceController` the standalone `<report-tile>` uses
 * too. It sets the element's `dataSource`, `store`, `user` and `teams` from them, but never takes
 * away a value the host set by script: only one markup set is replaced or cleared.
 *
 * The element calls `update(storeChanged)` at the start of `willUpdate`. The store's module is
 * loaded the first time markup names a store; until it arrives the element has no store (its
 * user is set at once), and `updateComplete()` waits for it.
 */
export class MarkupConfigController {
  readonly #host: MarkupConfigHost;
  readonly #options: MarkupConfigOptions;
  readonly #declarative: DeclarativeSourceController<DeclarativeDashboardConfig>;
  /** What markup set, so a value the host set by script is never taken away. */
  #source: DataSource | null = null;
  #store: DashboardStore | null = null;
  /** The store options markup declares now, as JSON ('' for none). */
  #storeKey = '';
  /** The store module on its way, for `updateComplete()`. */
  #pending: Promise<void> | null = null;
  #user: DashboardUser | null = null;
  #teams: readonly Team[] | null = null;
  #storeError: DashboardConfigError | null = null;
  /** The error last told (its text), so each is told once. */
  #reported: string | null = null;

  constructor(host: MarkupConfigHost, options: MarkupConfigOptions) {
    this.#host = host;
    this.#options = options;
    this.#declarative = new DeclarativeSourceController<DeclarativeDashboardConfig>(host, {
      parse: parseDeclarativeDashboardConfig,
      sourceOf: (config) => config.source,
      environment: () => options.environment(),
      what: 'Invalid dashboard config',
    });
  }

  /** Why the markup cannot be used (the JSON config, a source or store attribute), or null. */
  get error(): DashboardConfigError | null {
    return this.#declarative.error ?? this.#storeError;
  }

  /** Reads the markup again; `storeAttributes`: `store-type` (`store`) or `store-src` changed. `otherError` is told like the markup's own (the host's other attributes). */
  update(storeAttributes: boolean, otherError: DashboardConfigError | null = null): void {
    const host = this.#host;
    const change = this.#declarative.update();
    const config = this.#declarative.config;
    if (change.config && config) this.#options.apply(config);
    if (change.source) {
      const source = this.#declarative.source;
      if (source) host.dataSource = source;
      else if (host.dataSource !== null && host.dataSource === this.#source) host.dataSource = null;
      this.#source = source;
    }
    if (change.config || storeAttributes) this.#applyStore(config);
    const error = this.error ?? otherError;
    const text = error?.message ?? null;
    if (text !== this.#reported) {
      this.#reported = text;
      if (error) this.#options.failed(error);
    }
  }

  #applyStore(config: DeclarativeDashboardConfig | null): void {
    const host = this.#host;
    let options: StoreOptions | undefined;
    this.#storeError = null;
    try {
      options = storeOptionsFromAttributes(host, config?.store);
    } catch (error) {
      if (!(error instanceof DashboardConfigError)) throw error;
      this.#storeError = error;
    }
    const key = options ? JSON.stringify(options) : '';
    if (key !== this.#storeKey) {
      this.#storeKey = key;
      if (options) this.#setStore(key, options);
      else {
        if (host.store !== null && host.store === this.#store) host.store = null;
        this.#store = null;
      }
    }
    // Who is looking: the config's user, else the default reader of the declared store; never over a user set by script.
    const user = config?.user ?? (options ? defaultStoreUser(options) : null);
    if ((host.user === null || host.user === this.#user) && JSON.stringify(user) !== JSON.stringify(this.#user)) {
      host.user = user;
      this.#user = user;
    }
    const teams = config?.teams ?? null;
    if ((host.teams === null || host.teams === this.#teams) && teams !== this.#teams) {
      host.teams = teams;
      this.#teams = teams;
    }
  }

  /** Sets the store `options` name, once its module is there, unless markup named another meanwhile. */
  #setStore(key: string, options: StoreOptions): void {
    if (stores.ready) {
      this.#store = stores.value!.createDashboardStore(options);
      this.#host.store = this.#store;
      return;
    }
    const pending = stores.load().then(
      () => {
        if (this.#storeKey === key) this.#setStore(key, options);
      },
      (error: unknown) => {
        if (this.#storeKey !== key) return;
        // The same markup tries again when it is read again.
        this.#storeKey = '';
        this.#options.unavailable(error);
      },
    );
    this.#pending = pending;
    void pending.finally(() => {
      if (this.#pending === pending) this.#pending = null;
    });
  }

  /** `done` (the host's own update promise), then, while a store's module is loading, the update that shows that store. */
  async updateComplete(done: Promise<boolean>): Promise<boolean> {
    let complete = await done;
    while (this.#pending) {
      await this.#pending;
      complete = await this.#host.updateComplete;
    }
    return complete;
  }
}
