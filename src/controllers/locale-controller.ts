import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { browserTimeZone } from '../i18n/browser-time-zone.ts';
import { catalogRevision, isCatalogLoaded, loadCatalog, onCatalogChange, resolveLocale, translate, type MessageParams } from '../i18n/translate.ts';

export interface LocaleSources {
  /** The locale the host was given (its `locale` property, else e.g. its dashboard's); unset means the browser's. */
  locale: () => string | null | undefined;
  /** The time zone the host was given; unset (or empty) means the browser's. */
  timeZone?: () => string | null | undefined;
}

/** What to refresh when the browser's language changes: one window listener serves every controller. */
const languageWatchers = new Set<() => void>();
let watchingLanguage = false;

// Declared here, not inside onLanguageChange: a closure made there would share its scope with the
// first caller's `refresh` and keep that element alive for good.
function refreshAll(): void {
  for (const watcher of languageWatchers) watcher();
}

// Added once and kept: a listener per element would come and go with every dialog a dashboard
// re-renders, which a page (and the long-session test) would count as listeners left behind.
function onLanguageChange(refresh: () => void): () => void {
  if (!watchingLanguage) {
    watchingLanguage = true;
    globalThis.addEventListener?.('languagechange', refreshAll);
  }
  languageWatchers.add(refresh);
  return () => languageWatchers.delete(refresh);
}

/**
 * The locale of one element: resolves its `locale` (else the browser's language) and time zone (else
 * the browser's), gives `t()` for its texts, loads the locale's catalog when it is not there yet (fr
 * and nl load lazily) and re-renders the host when it arrives, when a catalog is registered, and when
 * the browser's language changes.
 *
 * ```ts
 * readonly #locale = new LocaleController(this, { locale: () => this.locale, timeZone: () => this.timeZone });
 * protected override async getUpdateComplete(): Promise<boolean> {
 *   return this.#locale.updateComplete(super.getUpdateComplete());
 * }
 * render() { return html`<h2>${this.#locale.t('tile.actions')}</h2>`; }
 * ```
 * The `getUpdateComplete` override makes `await el.updateComplete` wait for the catalog too, so a
 * page (or test) that sets `locale="fr"` and awaits it sees French.
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #sources: LocaleSources;
  #unsubscribe: (() => void) | null = null;
  #unwatchLanguage: (() => void) | null = null;
  /** The load under way for the locale being rendered, if its catalog is not there yet. */
  #pending: Promise<void> | null = null;
  /** `textsVersion` as of the host's last update. */
  #renderedVersion: string | null = null;

  constructor(host: ReactiveControllerHost, sources: LocaleSources) {
    this.#host = host;
    this.#sources = sources;
    host.addController(this);
  }

  /** The BCP 47 locale in use, canonical (`fr-FR`), English when the given one is not a locale. */
  get locale(): string {
    return resolveLocale(this.#sources.locale());
  }

  /** The IANA time zone in use. */
  get timeZone(): string {
    return this.#sources.timeZone?.() || browserTimeZone();
  }

  /**
   * Changes whenever `t()` may answer differently: another locale, or a catalog loaded or
   * registered. Key anything cached from translated text on it, not on `locale` alone.
   */
  get textsVersion(): string {
    return `${this.locale}#${catalogRevision()}`;
  }

  /**
   * In the host's `willUpdate`: whether the texts changed since its last update (true in the first).
   * For state derived from translated text that a render alone would not refresh.
   */
  get textsChanged(): boolean {
    return this.textsVersion !== this.#renderedVersion;
  }

  /** A message by key in the locale in use; English until its catalog has loaded. */
  readonly t = (key: string, params?: MessageParams): string => translate(this.locale, key, params);

  hostConnected(): void {
    this.#unsubscribe = onCatalogChange(this.#refresh);
    this.#unwatchLanguage = onLanguageChange(this.#refresh);
    this.#ensureCatalog();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#unwatchLanguage?.();
    this.#unwatchLanguage = null;
  }

  hostUpdate(): void {
    this.#ensureCatalog();
    this.#renderedVersion = this.textsVersion;
  }

  /**
   * `done` (the host's own update promise), then, if the locale's catalog is still loading, the
   * update that renders it. A catalog that fails to load leaves English texts and resolves anyway.
   */
  async updateComplete(done: Promise<boolean>): Promise<boolean> {
    let complete = await done;
    while (this.#pending) {
      const pending = this.#pending;
      await pending.catch(() => undefined);
      if (this.#pending === pending) this.#pending = null;
      complete = await this.#host.updateComplete;
    }
    return complete;
  }

  readonly #refresh = (): void => {
    this.#host.requestUpdate();
  };

  #ensureCatalog(): void {
    const locale = this.locale;
    if (isCatalogLoaded(locale)) {
      this.#pending = null;
      return;
    }
    const pending = loadCatalog(locale);
    if (pending === this.#pending) return;
    this.#pending = pending;
    // A catalog that fails to download leaves the texts in English; the next update tries again.
    pending.then(
      () => {
        if (this.#pending === pending) this.#pending = null;
      },
      () => {
        if (this.#pending === pending) this.#pending = null;
      },
    );
  }
}
