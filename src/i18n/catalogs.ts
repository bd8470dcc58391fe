import { en } from './en/index.ts';
import { fr } from './fr/index.ts';
import { nl } from './nl/index.ts';

/**
 * The catalogs shipped with the kit, by language. `translate.ts` starts from these, so
 * `translate('fr-FR', …)` and `translate('nl', …)` work with no setup, in a page or in Node.
 * More languages can be added at run time with `registerCatalog`.
 */
export const builtInCatalogs: Readonly<Record<string, Readonly<Record<string, string>>>> = { en, fr, nl };
