import { findProperty, type PropertyInfo } from '../../core/table/properties.ts';
import type { Lookups, PropertyValue } from '../../core/schema/conversation.ts';
import type { FilterOperator } from '../../core/schema/report-spec.ts';
import type { ConversationTable } from '../../core/table/table.ts';
import { valuesInData, type TableCatalog } from '../../core/table/table-catalog.ts';
import { propertyValueLabel } from '../../i18n/property-value-label.ts';
import { hourSpan, weekdayName } from '../../i18n/week.ts';
import { isBlank, type Criterion, type DraftProblem } from './editor-draft.ts';
import type { Translate } from './editor-types.ts';
import { encodeValue } from './filter-values.ts';
import type { SearchOption } from './property-search.ts';
import type { ValueOption } from './value-editors.ts';

/** What the words depend on, read afresh on every call: the editor's properties change under it. */
export interface VocabularySource {
  t: Translate;
  locale: string;
  catalog: readonly PropertyInfo[];
  /** The table in this page, if any. */
  table: ConversationTable | null;
  /** The catalog of a table kept in the engine Worker (used when `table` is null). */
  remoteCatalog: TableCatalog | null;
  lookups: Partial<Lookups> | undefined;
}

type Shareable = string | number | boolean;

/**
 * The editor's words for properties, values, operators and problems, and the values a property
 * takes in the data: everything the panes and the filter panel show, apart from the draft itself.
 */
export class EditorVocabulary {
  readonly #source: () => VocabularySource;

  constructor(source: () => VocabularySource) {
    this.#source = source;
  }

  /** The values a property takes in the data, for lists to pick from. */
  valuesOf(name: string): PropertyValue[] {
    const { table, remoteCatalog } = this.#source();
    // (v2) A team is derived from the assignee, so the data holds no list of it: the lookups' teams are the list.
    if (name === 'teamId') {
      const teams = this.#teams();
      if (teams.length > 0) return teams;
    }
    return table ? valuesInData(table, name) : (remoteCatalog?.values.get(name) ?? []);
  }

  readonly hasList = (name: string): boolean => this.valuesOf(name).length > 0;

  /** What a share of `name` may count: the states of an SLA, the days and hours, yes/no, else the values in the data. */
  shareValues(name: string): Shareable[] {
    if (name === 'firstResponseSla' || name === 'closeSla') return ['met', 'breached', 'pending'];
    if (name === 'createdWeekday') return [1, 2, 3, 4, 5, 6, 7];
    if (name === 'createdHour') return Array.from({ length: 24 }, (_, hour) => hour);
    if (name === 'teamId') {
      const teams = this.#teams();
      if (teams.length > 0) return teams;
    }
    const info = findProperty(this.#source().catalog, name);
    if (info?.type === 'boolean') return [true, false];
    return this.valuesOf(name).filter((value): value is Shareable => value !== null);
  }

  #teams(): string[] {
    const { lookups, table } = this.#source();
    return ((lookups ?? table?.lookups)?.teams ?? []).map((team) => team.id);
  }

  readonly label = (name: string): string => {
    const { t, catalog } = this.#source();
    const key = `property.${name}`;
    const text = t(key);
    if (text !== key) return text;
    return findProperty(catalog, name)?.label ?? name.replace(/^properties\./, '');
  };

  /** "Duration · Built-in": the type and where a property comes from. */
  typeAndSource(info: PropertyInfo): string {
    const { t } = this.#source();
    return `${t(`editor.type.${info.type}`)} · ${t(`editor.source.${info.source}`)}`;
  }

  valueLabel(property: string, value: PropertyValue): string {
    const { t, locale, lookups: given, table } = this.#source();
    if (typeof value === 'boolean') return t(value ? 'editor.value.true' : 'editor.value.false');
    const text = String(value);
    const lookups = given ?? table?.lookups;
    const list =
      property === 'assigneeId'
        ? lookups?.assignees
        : property === 'inboxId'
          ? lookups?.inboxes
          : property === 'chatflowId'
            ? lookups?.chatflows
            : property === 'teamId'
              ? lookups?.teams
              : undefined;
    const named = list?.find((entry) => entry.id === text)?.name;
    if (named) return named;
    if ((property === 'firstResponseSla' || property === 'closeSla') && ['met', 'breached', 'pending'].includes(text)) return t(`value.sla.${text}`);
    if (property === 'createdWeekday' && typeof value === 'number') return weekdayName(value, locale, 'long');
    if (property === 'createdHour' && typeof value === 'number') return hourSpan(value, locale);
    if ((property === 'channel' && (text === 'chat' || text === 'email')) || (property === 'status' && (text === 'open' || text === 'closed')))
      return t(`editor.value.${text}`);
    return typeof value === 'string' ? propertyValueLabel(property, value, t) : text;
  }

  readonly operatorLabel = (info: PropertyInfo, operator: FilterOperator): string => {
    const { t } = this.#source();
    if (info.type === 'date' && ['gt', 'gte', 'lt', 'lte'].includes(operator)) return t(`editor.operator.date.${operator}`);
    return t(`editor.operator.${operator}`);
  };

  readonly valueOptions = (criterion: Criterion, info: PropertyInfo): ValueOption[] => {
    const values: PropertyValue[] = info.type === 'boolean' ? [true, false] : this.valuesOf(info.name);
    if (values.length === 0) return [];
    const encoded = new Set(values.map(encodeValue));
    const options = values.map((value) => ({ encoded: encodeValue(value), label: this.valueLabel(info.name, value) }));
    // Values the report filters on but the data lacks stay visible, so they can be unticked.
    for (const pick of criterion.input.picked)
      if (!encoded.has(pick)) options.push({ encoded: pick, label: this.valueLabel(info.name, JSON.parse(pick) as PropertyValue) });
    if (info.type === 'boolean') return options;
    const collator = new Intl.Collator(this.#source().locale, { numeric: true, sensitivity: 'base' });
    return options.sort((a, b) => collator.compare(a.label, b.label));
  };

  searchOptions(properties: readonly PropertyInfo[]): SearchOption[] {
    const { t } = this.#source();
    return properties.map((info) => ({
      name: info.name,
      label: this.label(info.name),
      detail: this.typeAndSource(info),
      group: t(`editor.source.${info.source}`),
    }));
  }

  /** The applied criteria in words ("Channel is Chat and Response time > 5 minutes"); '' for none. */
  describeCriteria(criteria: readonly Criterion[]): string {
    const parts = criteria.filter((c) => !isBlank(c)).map((criterion) => this.#describeCriterion(criterion));
    return parts.join(` ${this.#source().t('editor.filters.and')} `);
  }

  #describeCriterion(criterion: Criterion): string {
    const { t, catalog } = this.#source();
    const info = findProperty(catalog, criterion.property);
    const property = this.label(criterion.property);
    if (!info || !criterion.operator) return property;
    const operator = this.operatorLabel(info, criterion.operator);
    const { input } = criterion;
    const unit = info.type === 'duration' ? ` ${t(`editor.unit.${input.unit}`)}` : '';
    const options = this.valueOptions(criterion, info);
    let value: string;
    if (criterion.operator === 'known' || criterion.operator === 'unknown') value = '';
    else if (options.length > 0 && criterion.operator !== 'contains')
      value = options
        .filter((option) => input.picked.includes(option.encoded))
        .map((option) => option.label)
        .join(', ');
    else if (criterion.operator === 'between') value = `${input.min}–${input.max}${unit}`;
    else value = `${info.type === 'date' ? input.text.replace('T', ' ') : input.text.replace(/\n/g, ', ')}${unit}`;
    return [property, operator, value].filter(Boolean).join(' ');
  }

  problemMessage(problem: DraftProblem): string {
    const { t } = this.#source();
    if (problem.code === 'chartType') return t('editor.error.chartType', { reasons: (problem.reasons ?? []).map((r) => t(`editor.reason.${r}`)).join(' ') });
    if (problem.code === 'schema') return t('editor.error.schema', { message: problem.message ?? '' });
    return t(`editor.error.${problem.code}`);
  }
}
