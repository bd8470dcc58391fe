import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { templateList } from '../core/dashboard/templates.ts';
import { aggregateOps } from '../core/schema/report-spec.ts';
import { readdir } from 'node:fs/promises';
import { builtInCatalogs, catalogParts, type CatalogPart } from './catalogs.ts';
import { en as enCore } from './en/index.ts';
import { csvImport } from './en/csv-import.ts';
import { dashboards } from './en/dashboards.ts';
import { drillDialog } from './en/drill-dialog.ts';
import { reportEditor } from './en/report-editor.ts';
import { fr as frCore } from './fr/index.ts';
import { reports as frReports } from './fr/reports.ts';
import { nl as nlCore } from './nl/index.ts';
import { reports as nlReports } from './nl/reports.ts';
import { addCatalogPart, loadCatalog, registerCatalog, translate, type Messages } from './translate.ts';

/** The English section of each part, which its element's module brings along (`addCatalogPart`). */
const englishParts = { 'report-editor': reportEditor, 'drill-dialog': drillDialog, 'csv-import': csvImport, dashboards } satisfies Record<CatalogPart, Messages>;
const partNames = Object.keys(catalogParts) as CatalogPart[];

/** A language's whole catalog: the first paint's or its chunk's, and every part's section. */
async function wholeCatalog(language: 'fr' | 'nl', core: Messages): Promise<Record<string, string>> {
  return Object.assign({}, core, ...(await Promise.all(partNames.map((part) => catalogParts[part][language]()))));
}

const en: Record<string, string> = Object.assign({}, enCore, ...Object.values(englishParts));
const fr = await wholeCatalog('fr', frCore);
const nl = await wholeCatalog('nl', nlCore);
const translations = { fr, nl } as const;
// As if every lazily-loaded element were defined: translate() knows all of them.
for (const part of partNames) addCatalogPart(part, englishParts[part]);

/** `{name}` and `{name, plural, …}` arguments of a message, sorted. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{(\w+)(?:\}|, plural,)/g)) names.add(m[1]!);
  return [...names].sort();
}

/** The arguments a message chooses a plural branch by. */
function pluralArguments(message: string): string[] {
  return [...message.matchAll(/\{(\w+), plural,/g)].map((m) => m[1]!).sort();
}

/** Parameters for every placeholder of a message: `count`-like ones get `n`, the rest a marker. */
function paramsFor(message: string, n: number): Record<string, string | number> {
  const plural = new Set(pluralArguments(message));
  return Object.fromEntries(placeholders(message).map((name) => [name, plural.has(name) ? n : `<${name}>`]));
}

// The twelve report titles and the two dashboard names, as the French and Dutch articles
// (shared/seeds/000_*.txt and 002_*.txt) word them, in the order of the articles.
const articleWording = {
  fr: {
    'template.chat-overview.name': "Vue d'ensemble des chats",
    'report.chat-volume-by-assignee.title': 'Volume de discussion par responsable',
    'report.chat-volume-by-page-url.title': 'Volume de discussion par URL',
    'report.chat-response-time-by-assignee.title': 'Temps de réponse au chat par responsable',
    'report.chat-time-to-close-by-assignee.title': 'Temps de fermeture des chats par responsable',
    'report.chats-closed-by-assignee.title': 'Nombre total de discussions par responsable',
    'report.chat-volume-by-chatflow.title': 'Volume de discussion par chatflow',
    'template.email-overview.name': "Vue d'ensemble des e-mails",
    'report.email-volume-by-assignee.title': "Volume d'e-mails par responsable",
    'report.email-response-time-by-assignee.title': 'Temps de réponse aux e-mails par responsable',
    'report.emails-closed-by-assignee.title': "Nombre total d'e-mails fermés par responsable",
    'report.email-time-to-close-by-assignee.title': 'Temps de fermeture des e-mails par responsable',
    'report.email-volume-over-time.title': "Volume d'e-mails au fil du temps",
    'report.open-emails-by-inbox.title': 'E-mails ouverts par boîte de réception',
  },
  nl: {
    'template.chat-overview.name': 'Chatoverzicht',
    'report.chat-volume-by-assignee.title': 'Chatvolume per cessionaris',
    'report.chat-volume-by-page-url.title': 'Chatvolume per URL',
    'report.chat-response-time-by-assignee.title': 'Reactietijd van de chat per cessionaris',
    'report.chat-time-to-close-by-assignee.title': 'Tijd om chats te sluiten per cessionaris',
    'report.chats-closed-by-assignee.title': 'Totaal aantal chats per cessionaris',
    'report.chat-volume-by-chatflow.title': 'Chatvolume per chatflow',
    'template.email-overview.name': 'E-mailoverzicht',
    'report.email-volume-by-assignee.title': 'E-mailvolume per cessionaris',
    'report.email-response-time-by-assignee.title': 'Reactietijd per e-mail per cessionaris',
    // The article's machine translation says "closed by the recipient" here; the meaning is "by assignee".
    'report.emails-closed-by-assignee.title': 'Totaal aantal e-mails afgesloten per cessionaris',
    'report.email-time-to-close-by-assignee.title': 'Tijd om e-mails te sluiten per cessionaris',
    'report.email-volume-over-time.title': 'E-mailvolume in de loop van de tijd',
    'report.open-emails-by-inbox.title': 'Open e-mails per inbox',
  },
} as const;

// A few product words the articles fix (assignee, inbox, dashboard, privacy, filters, save, edit, actions).
const termAnchors = {
  fr: {
    'property.assigneeId': 'Responsable',
    'drill.column.assignee': 'Responsable',
    'property.inboxId': 'Boîte de réception',
    'dashboard.switcher': 'Tableau de bord',
    'dashboard.create': 'Créer un tableau de bord',
    'dashboards.wizard.create': 'Créer un tableau de bord',
    'dashboards.wizard.next': 'Suivant',
    'dashboards.settings.privacyHeading': 'Confidentialité',
    'editor.filters': 'Filtres',
    'editor.filters.apply': 'Appliquer le filtre',
    'editor.configure': 'Configurer le graphique',
    'editor.save': 'Enregistrer',
    'common.save': 'Enregistrer',
    'tile.edit': 'Modifier',
    'tile.actions': 'Actions',
  },
  nl: {
    'property.assigneeId': 'Cessionaris',
    'drill.column.assignee': 'Cessionaris',
    'property.inboxId': 'Inbox',
    'dashboard.switcher': 'Dashboard',
    'dashboard.create': 'Dashboard aanmaken',
    'dashboards.wizard.create': 'Dashboard aanmaken',
    'dashboards.wizard.next': 'Volgende',
    'dashboards.settings.privacyHeading': 'Privacy',
    'editor.filters': 'Filters',
    'editor.filters.apply': 'Filter toepassen',
    'editor.data.add': 'Gesprekseigenschap toevoegen',
    'editor.save': 'Opslaan',
    'common.save': 'Opslaan',
    'tile.edit': 'Bewerken',
    'tile.actions': 'Acties',
  },
} as const;

for (const [language, catalog] of Object.entries(translations)) {
  describe(`the ${language} catalog`, () => {
    before(() => loadCatalog(language));

    it('has every key English has', () => {
      const missing = Object.keys(en).filter((key) => !Object.hasOwn(catalog, key));
      assert.deepEqual(missing, [], `${language} lacks ${missing.length} key(s): ${missing.join(', ')}`);
    });

    it('has no key English lacks', () => {
      const extra = Object.keys(catalog).filter((key) => !Object.hasOwn(en, key));
      assert.deepEqual(extra, [], `${language} has key(s) English lacks: ${extra.join(', ')}`);
    });

    it('uses the same placeholders and plurals as English, key for key', () => {
      const wrong = Object.keys(en)
        .filter((key) => Object.hasOwn(catalog, key))
        .flatMap((key) => {
          const [mine, theirs] = [catalog[key]!, en[key]!];
          const problems: string[] = [];
          if (placeholders(mine).join() !== placeholders(theirs).join())
            problems.push(`${key}: {${placeholders(mine).join('}, {')}} instead of {${placeholders(theirs).join('}, {')}}`);
          if (pluralArguments(mine).join() !== pluralArguments(theirs).join())
            problems.push(`${key}: plural on [${pluralArguments(mine).join()}] instead of [${pluralArguments(theirs).join()}]`);
          return problems;
        });
      assert.deepEqual(wrong, [], `${language} placeholders differ from English:\n${wrong.join('\n')}`);
    });

    it('has no empty message where English has one', () => {
      const empty = Object.keys(en).filter((key) => en[key] !== '' && catalog[key]?.trim() === '');
      assert.deepEqual(empty, [], `${language} has empty message(s): ${empty.join(', ')}`);
    });

    it('renders every message for 0, 1 and 2 with nothing left unfilled', () => {
      const broken = Object.keys(catalog).flatMap((key) =>
        [0, 1, 2]
          .map((n) => [n, translate(language, key, paramsFor(catalog[key]!, n))] as const)
          .filter(([n, text]) => /[{}#]/.test(text) && !/[{}#]/.test(translate('en', key, paramsFor(en[key] ?? '', n))))
          .map(([n, text]) => `${key} (${n}): ${text}`),
      );
      assert.deepEqual(broken, [], `${language} messages that do not render:\n${broken.join('\n')}`);
    });

    it('gives the twelve template reports and the two dashboards the article’s wording', () => {
      const own = language === 'fr' ? frReports : nlReports;
      const expected = articleWording[language as keyof typeof articleWording];
      // The article's two dashboards; the third (team performance) is the kit's own wording.
      const reportIds = templateList.filter((t) => t.id !== 'team-performance').flatMap((t) => t.reports.map((r) => r.id));
      assert.equal(reportIds.length, 12);
      assert.deepEqual(
        reportIds.map((id) => `report.${id}.title`).filter((key) => !Object.hasOwn(expected, key)),
        [],
        'every template report has a transcribed title',
      );
      for (const [key, wording] of Object.entries(expected)) {
        assert.equal((own as Record<string, string>)[key], wording, `${language}/reports.ts ${key}`);
        assert.equal(translate(language, key), wording, `translate('${language}', '${key}')`);
      }
    });

    it('uses the article’s words for the product’s terms', () => {
      for (const [key, wording] of Object.entries(termAnchors[language as keyof typeof termAnchors])) {
        assert.equal(catalog[key], wording, `${language} ${key}`);
      }
    });
  });
}

describe('the parts of the catalogs that load with lazily-loaded elements', () => {
  it('leave out no section: each English file is in the first paint or a part, once', async () => {
    const files = (await readdir(new URL('./en/', import.meta.url))).filter((file) => file !== 'index.ts');
    const sectionsOf = async (file: string) => Object.values((await import(`./en/${file}`)) as Record<string, Messages>);
    const homes = new Map<string, string[]>();
    for (const file of files) {
      for (const section of await sectionsOf(file)) {
        const inCore = Object.keys(section).every((key) => enCore[key] === section[key]);
        const parts = partNames.filter((part) => englishParts[part] === section);
        homes.set(file, [...(inCore ? ['first paint'] : []), ...parts]);
      }
    }
    const misplaced = [...homes].filter(([, where]) => where.length !== 1).map(([file, where]) => `${file}: ${where.join(', ') || 'nowhere'}`);
    assert.deepEqual(misplaced, [], `English sections in no catalog or in two:\n${misplaced.join('\n')}`);
  });

  it('split by section: no key is both in the first paint and in a part, or in two parts', () => {
    const seen = new Map<string, string>(Object.keys(enCore).map((key) => [key, 'first paint']));
    const twice: string[] = [];
    for (const part of partNames) {
      for (const key of Object.keys(englishParts[part])) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${part}`);
        seen.set(key, part);
      }
    }
    assert.deepEqual(twice, []);
  });

  for (const language of ['fr', 'nl'] as const) {
    it(`give ${language} a section per part with the English section's keys, and the rest in its first catalog`, async () => {
      const core = language === 'fr' ? frCore : nlCore;
      assert.deepEqual(Object.keys(core).sort(), Object.keys(enCore).sort(), `${language}/index.ts holds the first paint's keys`);
      for (const part of partNames) {
        const section = await catalogParts[part][language]();
        assert.deepEqual(Object.keys(section).sort(), Object.keys(englishParts[part]).sort(), `${language} ${part}`);
      }
    });
  }
});

describe('measure headings', () => {
  // measureHeading (report-tile) asks for `tile.column.value.<op>`: a missing op showed its raw key
  // ("tile.column.value.share" on the team-performance template's SLA tile).
  for (const [language, catalog] of Object.entries({ en, fr, nl })) {
    it(`${language} names the value column of every measure op`, () => {
      for (const op of ['count', ...aggregateOps, 'share']) {
        assert.ok(catalog[`tile.column.value.${op}`], `${language} tile.column.value.${op}`);
      }
    });
  }
});

describe('French typography', () => {
  it('puts a non-breaking space before : ; ? ! and inside « »', () => {
    const wrong = Object.entries(fr)
      .filter(
        ([, text]) =>
          /(?<![\u00a0\u202f])[:;?!](?=\s|$)/.test(text) || /«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/.test(text),
      )
      .map(([key, text]) => `${key}: ${JSON.stringify(text)}`);
    assert.deepEqual(wrong, [], wrong.join('\n'));
  });
});

describe('translate with the built-in catalogs', () => {
  before(() => Promise.all([loadCatalog('fr'), loadCatalog('nl')]));

  it('knows en, fr and nl with no setup', () => {
    assert.deepEqual(Object.keys(builtInCatalogs).sort(), ['en', 'fr', 'nl']);
    assert.equal(translate('fr-FR', 'dashboard.create'), 'Créer un tableau de bord');
    assert.equal(translate('fr', 'report.chat-volume-by-assignee.title'), 'Volume de discussion par responsable');
    assert.equal(translate('nl', 'dashboard.create'), 'Dashboard aanmaken');
    assert.equal(translate('nl-BE', 'report.chat-volume-by-assignee.title'), 'Chatvolume per cessionaris');
    assert.equal(translate('de', 'dashboard.create'), 'Create dashboard');
  });

  it('renders French plurals (one covers 0 and 1) for 0, 1 and 2', () => {
    assert.equal(translate('fr-FR', 'common.conversations', { count: 0 }), '0 conversation');
    assert.equal(translate('fr-FR', 'common.conversations', { count: 1 }), '1 conversation');
    assert.equal(translate('fr-FR', 'common.conversations', { count: 2 }), '2 conversations');
    assert.equal(translate('fr', 'dashboards.reportCount', { count: 0 }), '0 rapport');
    assert.equal(translate('fr', 'dashboards.reportCount', { count: 1 }), '1 rapport');
    assert.equal(translate('fr', 'dashboards.reportCount', { count: 2 }), '2 rapports');
    assert.equal(
      translate('fr', 'drill.heading', { title: 'Alice', count: 2 }),
      'Alice, 2 conversations',
    );
  });

  it('renders Dutch plurals for 0, 1 and 2', () => {
    assert.equal(translate('nl', 'common.conversations', { count: 0 }), '0 gesprekken');
    assert.equal(translate('nl', 'common.conversations', { count: 1 }), '1 gesprek');
    assert.equal(translate('nl', 'common.conversations', { count: 2 }), '2 gesprekken');
    assert.equal(translate('nl-NL', 'dashboards.reportCount', { count: 0 }), '0 rapporten');
    assert.equal(translate('nl-NL', 'dashboards.reportCount', { count: 1 }), '1 rapport');
    assert.equal(translate('nl-NL', 'dashboards.reportCount', { count: 2 }), '2 rapporten');
    assert.equal(translate('nl', 'drill.heading', { title: 'Alice', count: 1 }), 'Alice, 1 gesprek');
  });

  it('falls back to English for a key the French catalog lacks', () => {
    const { 'tile.edit': _dropped, ...partial } = fr;
    try {
      registerCatalog('fr', partial);
      assert.equal(translate('fr-FR', 'tile.edit'), en['tile.edit']);
      assert.equal(translate('fr-FR', 'tile.actions'), 'Actions');
      assert.equal(translate('fr-FR', 'dashboard.create'), 'Créer un tableau de bord');
    } finally {
      registerCatalog('fr', fr);
    }
    assert.equal(translate('fr-FR', 'tile.edit'), 'Modifier');
  });
});
