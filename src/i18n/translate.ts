import { builtInCatalogs } from './catalogs.ts';
import { en } from './en/index.ts';

export type Messages = Readonly<Record<string, string>>;

/** The parameters a message takes: `{name}` and `{count, plural, …}` arguments. */
export type MessageParams = Record<string, string | number>;

/** A message by key in one locale (see `translate`). */
export type Translate = (key: string, params?: MessageParams) => string;

const catalogs = new Map<string, Messages>([['en', en]]);
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
let revision = 0;

function notify(): void {
  revision += 1;
  for (const listener of listeners) listener();
}

/** Counts catalog registrations and loads: a text translated earlier may read differently once it changes. */
export function catalogRevision(): number {
  return revision;
}

/** Adds (or replaces) the catalog of a language, e.g. `registerCatalog('fr', fr)`; elements re-render in it. */
export function registerCatalog(language: string, messages: Messages): void {
  catalogs.set(language.toLowerCase(), messages);
  notify();
}

/** Calls `listener` whenever a catalog is registered or has loaded; returns the unsubscribe function. */
export function onCatalogChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function supportedLanguages(): string[] {
  return [...new Set([...catalogs.keys(), ...Object.keys(builtInCatalogs)])];
}

/** The locale to use: the given one, else the browser's, else English. */
export function resolveLocale(locale?: string | null): string {
  const candidate = locale || (typeof navigator === 'undefined' ? undefined : navigator.language) || 'en';
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const languageOf = (locale: string): string => locale.toLowerCase().split('-')[0] ?? 'en';

function catalogFor(locale: string): Messages {
  return catalogs.get(locale.toLowerCase()) ?? catalogs.get(languageOf(locale)) ?? en;
}

/**
 * Whether `translate(locale, …)` already answers in the locale's own catalog, or in English for
 * good (a language the kit has no catalog for). False while a built-in catalog has yet to load.
 */
export function isCatalogLoaded(locale: string): boolean {
  const language = languageOf(locale);
  return catalogs.has(locale.toLowerCase()) || catalogs.has(language) || !Object.hasOwn(builtInCatalogs, language);
}

/**
 * Loads the built-in catalog of `locale`'s language (fr, nl) if it is not there yet; English is always
 * there. Resolves once `translate(locale, …)` answers in it; a failed download rejects, and the next
 * call tries again. A catalog registered meanwhile with `registerCatalog` is kept.
 */
export function loadCatalog(locale: string): Promise<void> {
  if (isCatalogLoaded(locale)) return Promise.resolve();
  const language = languageOf(locale);
  let pending = loading.get(language);
  if (!pending) {
    pending = builtInCatalogs[language]!().then(
      (messages) => {
        loading.delete(language);
        if (!catalogs.has(language)) registerCatalog(language, messages);
      },
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

const pluralRules = new Map<string, Intl.PluralRules>();

function plural(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

/**
 * A message by key, in `locale` or else English. `{name}` takes a parameter; a minimal ICU
 * `{count, plural, one {# x} other {# xs}}` chooses by Intl.PluralRules, with `#` as the number.
 * Parameters are inserted as text: callers render the result as text, never as HTML.
 * The fr and nl catalogs load lazily: until `loadCatalog(locale)` has resolved, English answers
 * (elements load it through `LocaleController` and re-render when it arrives).
 */
export function translate(locale: string, key: string, params: MessageParams = {}): string {
  const template = catalogFor(locale)[key] ?? en[key] ?? key;
  return template.replace(
    /\{(\w+), plural, ((?:[=\w]+ \{[^{}]*\}\s*)+)\}|\{(\w+)\}/g,
    (_match, pluralName: string | undefined, branches: string | undefined, name: string | undefined) => {
      if (pluralName && branches) {
        const count = Number(params[pluralName] ?? 0);
        const options = new Map([...branches.matchAll(/([=\w]+) \{([^{}]*)\}/g)].map((m) => [m[1]!, m[2]!]));
        const chosen = options.get(`=${count}`) ?? options.get(plural(locale, count)) ?? options.get('other') ?? '';
        return chosen.replace(/#/g, new Intl.NumberFormat(locale).format(count));
      }
      const value = params[name!];
      return value === undefined ? `{${name}}` : String(value);
    },
  );
}
