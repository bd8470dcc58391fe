import { en } from './en/index.ts';
import { fr } from './fr/index.ts';
import { nl } from './nl/index.ts';

/**
 * The catalogs `translate.ts` starts with, by language. More languages can be added at run time
 * with `registerCatalog`.
 */
export const builtInCatalogs: Readonly<Record<string, Readonly<Record<string, string>>>> = { en, fr, nl };

/** The catalogs shipped with the kit that load with import() when their locale is first used. */
export const catalogLoaders: Readonly<Record<string, () => Promise<Readonly<Record<string, string>>>>> = {
  fr: () => import('./fr/index.ts').then((module) => module.fr),
  nl: () => import('./nl/index.ts').then((module) => module.nl),
};
