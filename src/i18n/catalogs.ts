import { en } from './en/index.ts';

/** A catalog or a section of one: messages by key (translate.ts's `Messages`; not imported, which would make a cycle). */
type Messages = Readonly<Record<string, string>>;

/**
 * The catalogs shipped with the kit, by language, each loaded when its locale is first used
 * (`loadCatalog` in translate.ts): English is in the first paint as everyone's fallback; fr and nl
 * are chunks of their own, so a page in English never downloads them. More languages can be added
 * at run time with `registerCatalog`.
 */
export const builtInCatalogs: Readonly<Record<string, () => Promise<Messages>>> = {
  en: () => Promise.resolve(en),
  fr: () => import('./fr/index.ts').then((module) => module.fr),
  nl: () => import('./nl/index.ts').then((module) => module.nl),
};

/**
 * The sections of the catalogs that only lazily-loaded elements show, left out of the catalogs
 * above. The element's own module brings the English section (`useCatalogPart`), so its chunk
 * carries it; the other languages' sections load from here, for each language in use.
 */
export const catalogParts = {
  'report-editor': {
    fr: () => import('./fr/report-editor.ts').then((module) => module.reportEditor),
    nl: () => import('./nl/report-editor.ts').then((module) => module.reportEditor),
  },
  'drill-dialog': {
    fr: () => import('./fr/drill-dialog.ts').then((module) => module.drillDialog),
    nl: () => import('./nl/drill-dialog.ts').then((module) => module.drillDialog),
  },
  'csv-import': {
    fr: () => import('./fr/csv-import.ts').then((module) => module.csvImport),
    nl: () => import('./nl/csv-import.ts').then((module) => module.csvImport),
  },
  // The dashboard wizard, dashboard settings and the report library.
  dashboards: {
    fr: () => import('./fr/dashboards.ts').then((module) => module.dashboards),
    nl: () => import('./nl/dashboards.ts').then((module) => module.dashboards),
  },
} satisfies Record<string, Readonly<Record<string, () => Promise<Messages>>>>;

export type CatalogPart = keyof typeof catalogParts;
