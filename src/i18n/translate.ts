import { builtInCatalogs } from './catalogs.ts';
import { en } from './en/index.ts';

export type Messages = Readonly<Record<string, string>>;

const catalogs = new Map<string, Messages>(Object.entries(builtInCatalogs));

/** Adds (or replaces) the catalog of a language, e.g. `registerCatalog('fr', fr)`. */
export function registerCatalog(language: string, messages: Messages): void {
  catalogs.set(language.toLowerCase(), messages);
}

export function supportedLanguages(): string[] {
  return [...catalogs.keys()];
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

function catalogFor(locale: string): Messages {
  const language = locale.toLowerCase().split('-')[0] ?? 'en';
  return catalogs.get(locale.toLowerCase()) ?? catalogs.get(language) ?? en;
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
 */
export function translate(locale: string, key: string, params: Record<string, string | number> = {}): string {
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
