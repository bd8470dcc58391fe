import { en } from './en/index.ts';

/**
 * The catalogs shipped with the kit, by language, each loaded when its locale is first used
 * (`loadCatalog` in translate.ts): English is in the first paint as everyone's fallback; fr and nl
 * are chunks of their own, so a page in English never downloads them. More languages can be added
 * at run time with `registerCatalog`.
 */
export const builtInCatalogs: Readonly<Record<string, () => Promise<Readonly<Record<string, string>>>>> = {
  en: () => Promise.resolve(en),
  fr: () => import('./fr/index.ts').then((module) => module.fr),
  nl: () => import('./nl/index.ts').then((module) => module.nl),
};
