/**
 * The demo page's own words (its header and controls) in the kit's three languages, so that a
 * French or Dutch reader does not meet English around a translated dashboard. Elements name their
 * text with `data-text` (content) or `data-label` (aria-label).
 */
const texts = {
  en: {
    title: 'Conversation reports',
    intro: 'Chat and email reports on generated sample data.',
    gallery: "Designers' gallery",
    and: 'and',
    examples: 'examples',
    settings: 'Demo settings',
    user: 'Signed in as',
    olivia: 'Olivia — owner (Support, can edit)',
    tom: 'Tom — teammate (Support, can edit)',
    oscar: 'Oscar — outsider (Billing, can edit)',
    vera: 'Vera — viewer (Support, read only)',
    size: 'Data size',
    csv: 'Your CSV',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    language: 'Language',
    timeZone: 'Time zone',
    loadCsv: 'Load your CSV',
    sampleCsv: 'Download a sample CSV to try',
  },
  fr: {
    title: 'Rapports sur les conversations',
    intro: 'Rapports de chat et d’e-mail sur des données d’exemple générées.',
    gallery: 'Galerie pour les designers',
    and: 'et',
    examples: '(exemples)',
    settings: 'Réglages de la démo',
    user: 'Connecté en tant que',
    olivia: 'Olivia — propriétaire (Support, peut modifier)',
    tom: 'Tom — coéquipier (Support, peut modifier)',
    oscar: 'Oscar — extérieur (Facturation, peut modifier)',
    vera: 'Vera — lecture seule (Support)',
    size: 'Volume de données',
    csv: 'Votre CSV',
    theme: 'Thème',
    light: 'Clair',
    dark: 'Sombre',
    language: 'Langue',
    timeZone: 'Fuseau horaire',
    loadCsv: 'Charger votre CSV',
    sampleCsv: 'Télécharger un CSV d’exemple pour essayer',
  },
  nl: {
    title: 'Gespreksrapporten',
    intro: 'Chat- en e-mailrapporten op gegenereerde voorbeeldgegevens.',
    gallery: 'Galerij voor ontwerpers',
    and: 'en',
    examples: '(voorbeelden)',
    settings: 'Demo-instellingen',
    user: 'Aangemeld als',
    olivia: 'Olivia — eigenaar (Support, mag bewerken)',
    tom: 'Tom — teamgenoot (Support, mag bewerken)',
    oscar: 'Oscar — buitenstaander (Facturatie, mag bewerken)',
    vera: 'Vera — alleen lezen (Support)',
    size: 'Hoeveelheid gegevens',
    csv: 'Uw CSV',
    theme: 'Thema',
    light: 'Licht',
    dark: 'Donker',
    language: 'Taal',
    timeZone: 'Tijdzone',
    loadCsv: 'Uw CSV laden',
    sampleCsv: 'Download een voorbeeld-CSV om te proberen',
  },
} as const;

export type DemoTextKey = keyof (typeof texts)['en'];

export function demoText(locale: string, key: DemoTextKey): string {
  const table = (texts as Record<string, Record<DemoTextKey, string>>)[locale] ?? texts.en;
  return table[key];
}

/** Puts `locale`'s words into every `[data-text]` and `[data-label]` element under `root`. */
export function translateDemo(root: ParentNode, locale: string): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-text]')) element.textContent = demoText(locale, element.dataset.text as DemoTextKey);
  for (const element of root.querySelectorAll<HTMLElement>('[data-label]')) element.setAttribute('aria-label', demoText(locale, element.dataset.label as DemoTextKey));
}

/** A loaded CSV is the data now: the size control says so rather than still showing 20 000. */
export function showCsvAsData(size: HTMLSelectElement, locale: string): void {
  let option = size.querySelector<HTMLOptionElement>('option[value="csv"]');
  if (!option) {
    option = new Option(demoText(locale, 'csv'), 'csv');
    option.dataset.text = 'csv';
    size.prepend(option);
  }
  size.value = 'csv';
}
