import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataSource } from '../adapters/data-source.ts';
import { createDataSource, sourceOptionsFromAttributes, type SourceAttributes, type SourceEnvironment } from '../adapters/declarative-data-source.ts';
import { DashboardConfigError, parseJsonText, type SourceOptions } from '../core/schema/dashboard-config.ts';

/** An element configured in markup: its source attributes as properties, plus its child `<script type="application/json">`. */
export type DeclarativeHost = ReactiveControllerHost & HTMLElement & SourceAttributes;

export interface DeclarativeSourceOptions<T> {
  /** Validates the JSON of the child script. @throws DashboardConfigError */
  parse(json: unknown): T;
  /** The `source` options the config gives, if any. */
  sourceOf(config: T): SourceOptions | undefined;
  /** What the source may take from the element (its explicit zone, its `now`). */
  environment(): SourceEnvironment;
  /** Label of the script's errors ("Invalid dashboard config"). */
  what: string;
}

/** What changed since the last `update()`. */
export interface DeclarativeChange {
  /** The child script appeared, changed or went away (see `config` and `error`). */
  config: boolean;
  /** `source` is a different object (or went away). */
  source: boolean;
}

/**
 * Configuration in markup, shared by `<conversation-dashboard>` and `<report-tile>`: reads the
 * element's child `<script type="application/json">` (validated by the element's schema; bad JSON
 * and bad fields become a `DashboardConfigError`), watches it for changes (a CMS may fill it in
 * after the element upgrades), and turns the source attributes (`src`, `csv-src`,
 * `hubspot-proxy`, `sample`) over the config's `source` into one DataSource.
 *
 * The element calls `update()` at the start of `willUpdate`; a new `source` object appears only
 * when what the attributes and the config say about the data changed, so setting it as the
 * element's data source aborts the old load and starts the new one exactly then.
 */
export class DeclarativeSourceController<T> implements ReactiveController {
  /** The parsed child script; null without one or when it is invalid. */
  config: T | null = null;
  /** The source the attributes and the config declare; null when they declare none. */
  source: DataSource | null = null;
  /** Why the markup cannot be used (the script or an attribute), naming the field; null when it can. */
  error: DashboardConfigError | null = null;

  readonly #host: DeclarativeHost;
  readonly #options: DeclarativeSourceOptions<T>;
  #observer: MutationObserver | undefined;
  /** Text of the script last parsed; undefined before the first update. */
  #parsedText: string | null | undefined = undefined;
  #configError: DashboardConfigError | null = null;
  #sourceKey = '';

  constructor(host: DeclarativeHost, options: DeclarativeSourceOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // The parser may add the script (or its text) after the element is upgraded; a CMS preview may change it.
    this.#observer = new MutationObserver(() => {
      if (this.#scriptText() !== this.#parsedText) this.#host.requestUpdate();
    });
    this.#observer.observe(this.#host, { childList: true, subtree: true, characterData: true });
    if (this.#parsedText !== undefined && this.#scriptText() !== this.#parsedText) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** The element's own `<script type="application/json">` (a direct child), or null. */
  #script(): HTMLScriptElement | null {
    for (const child of this.#host.children)
      if (child instanceof HTMLScriptElement && child.type.trim().toLowerCase() === 'application/json') return child;
    return null;
  }

  #scriptText(): string | null {
    const script = this.#script();
    return script ? (script.textContent ?? '') : null;
  }

  /** Whether the element has a child config script. */
  get hasScript(): boolean {
    return this.#script() !== null;
  }

  /** Re-reads the script and the attributes; call at the start of the host's `willUpdate`. */
  update(): DeclarativeChange {
    const change: DeclarativeChange = { config: false, source: false };
    const text = this.#scriptText();
    if (text !== this.#parsedText) {
      this.#parsedText = text;
      change.config = true;
      this.config = null;
      this.#configError = null;
      // An empty script (still being written by the parser) is no config yet rather than bad JSON.
      if (text !== null && text.trim() !== '') {
        try {
          this.config = this.#options.parse(parseJsonText(text, this.#options.what));
        } catch (error) {
          this.#configError = error instanceof DashboardConfigError ? error : new DashboardConfigError([{ path: '', message: String(error) }], { what: this.#options.what, cause: error });
        }
      }
    }
    let options: SourceOptions | undefined;
    let attributeError: DashboardConfigError | null = null;
    try {
      options = sourceOptionsFromAttributes(this.#host, this.config ? this.#options.sourceOf(this.config) : undefined);
    } catch (error) {
      if (!(error instanceof DashboardConfigError)) throw error;
      attributeError = error;
    }
    const error = this.#configError ?? attributeError;
    const environment = this.#options.environment();
    // A CSV source reads zone-less times in the element's zone: a new zone is a new source. The sample's `now` is read once.
    const key = error || !options ? '' : JSON.stringify([options, options.type === 'csv' ? (environment.timeZone ?? null) : null]);
    if (key !== this.#sourceKey) {
      this.#sourceKey = key;
      change.source = true;
      this.source = null;
      if (options && !error) {
        try {
          this.source = createDataSource(options, environment);
        } catch (failure) {
          if (!(failure instanceof DashboardConfigError)) throw failure;
          attributeError = failure;
          this.#sourceKey = '';
        }
      }
    }
    this.error = this.#configError ?? attributeError;
    return change;
  }
}
