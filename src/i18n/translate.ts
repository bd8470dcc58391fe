import { builtInCatalogs, catalogParts, type CatalogPart } from './catalogs.ts';
import { en } from './en/index.ts';
import { onDemand, type OnDemand } from '../core/on-demand.ts';

export type Messages = Readonly<Record<string, string>>;

/** The parameters a message takes: `{name}` and `{count, plural, …}` arguments. */
export type MessageParams = Record<string, string | number>;

/** A message by key in one locale (see `translate`). */
export type Translate = (key: string, params?: MessageParams) => string;

/** Everyone's fallback: the first paint's English, and the sections of the parts in use (`addCatalogPart`). */
const english: Record<string, string> = { ...en };
const catalogs = new Map<string, Messages>([['en', english]]);
/** Languages (or locales) given by `registerCatalog`: their catalog is used as given, built-in sections are not added. */
const registered = new Set<string>();
/** The parts whose elements are defined: every built-in language in use loads their section too. */
const partsInUse = new Set<CatalogPart>();
const CORE = 'core';
type Section = typeof CORE | CatalogPart;
/** The built-in sections loaded, by language; `catalogs` holds them merged once the core is there. */
const sections = new Map<string, Map<Section, Messages>>();
/** What `loadCatalog` waits on, by language: one promise for all the sections it lacks. */
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
  registered.add(language.toLowerCase());
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
  return catalogs.get(locale.toLowerCase()) ?? catalogs.get(languageOf(locale)) ?? english;
}

/** The built-in sections `language` lacks: its core, and those of the parts in use it has. */
function missingSections(language: string): Section[] {
  const loaded = sections.get(language);
  const wanted: Section[] = [CORE, ...[...partsInUse].filter((part) => Object.hasOwn(catalogParts[part], language))];
  return wanted.filter((section) => !loaded?.has(section));
}

function addSection(language: string, section: Section, messages: Messages): void {
  let loaded = sections.get(language);
  if (!loaded) sections.set(language, (loaded = new Map()));
  loaded.set(section, messages);
  // A part that arrives before the core waits for it; a registered catalog is kept.
  if (!loaded.has(CORE) || registered.has(language)) return;
  catalogs.set(language, Object.assign({}, ...loaded.values()) as Messages);
  notify();
}

const sectionLoaders = new Map<string, OnDemand<Messages>>();

/** One built-in section: downloaded once, and again after a failed download. */
function sectionLoader(language: string, section: Section): OnDemand<Messages> {
  const key = `${language}/${section}`;
  let loader = sectionLoaders.get(key);
  if (!loader) {
    const load = section === CORE ? builtInCatalogs[language]! : (catalogParts[section] as Record<string, () => Promise<Messages>>)[language]!;
    sectionLoaders.set(key, (loader = onDemand(load, (messages) => addSection(language, section, messages))));
  }
  return loader;
}

/**
 * Whether `translate(locale, …)` already answers in the locale's own catalog, or in English for
 * good (a language the kit has no catalog for). False while a built-in catalog, or the section of
 * a part in use (`addCatalogPart`), has yet to load.
 */
export function isCatalogLoaded(locale: string): boolean {
  const language = languageOf(locale);
  if (registered.has(locale.toLowerCase()) || registered.has(language)) return true;
  if (language === 'en' || !Object.hasOwn(builtInCatalogs, language)) return true;
  return missingSections(language).length === 0;
}

/**
 * Loads the built-in catalog of `locale`'s language (fr, nl) if it is not there yet, with the
 * sections of the parts in use; English is always there. Resolves once `translate(locale, …)`
 * answers in it; a failed download rejects, and the next call tries again. A catalog registered
 * meanwhile with `registerCatalog` is kept.
 */
export function loadCatalog(locale: string): Promise<void> {
  if (isCatalogLoaded(locale)) return Promise.resolve();
  const language = languageOf(locale);
  let pending = loading.get(language);
  if (!pending) {
    pending = Promise.all(missingSections(language).map((section) => sectionLoader(language, section).load())).then(
      () => {
        loading.delete(language);
        // A part put in use meanwhile.
        return loadCatalog(locale);
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

/**
 * Puts a part of the catalogs in use (`catalogParts` in catalogs.ts): the module of an element
 * that loads lazily calls it with the part's English section, which its chunk carries, before
 * its element renders. The section then loads for every built-in language in use, now and when a
 * locale is first used (`loadCatalog`), so `LocaleController` waits for it like for a catalog.
 */
export function addCatalogPart(part: CatalogPart, englishSection: Messages): void {
  if (partsInUse.has(part)) return;
  partsInUse.add(part);
  // New keys only: nothing shown so far reads differently, so nothing needs to re-render.
  Object.assign(english, englishSection);
  for (const language of new Set([...sections.keys(), ...loading.keys()])) {
    if (!registered.has(language) && Object.hasOwn(catalogParts[part], language)) sectionLoader(language, part).load().catch(() => undefined);
  }
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
 * The fr and nl catalogs, and the sections of lazily-loaded parts, load lazily: until
 * `loadCatalog(locale)` has resolved, English answers
 * (elements load it through `LocaleController` and re-render when it arrives).
 */
export function translate(locale: string, key: string, params: MessageParams = {}): string {
  const template = catalogFor(locale)[key] ?? english[key] ?? key;
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
