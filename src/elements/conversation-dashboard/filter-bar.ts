import { css, html, nothing, type TemplateResult } from 'lit';
import { findProperty, builtInProperties, type PropertyInfo } from '../../core/table/properties.ts';
import type { Lookups, PropertyValue } from '../../core/schema/conversation.ts';
import type { Filter } from '../../core/schema/report-spec.ts';
import type { TableCatalog } from '../../core/table/table-catalog.ts';
import { cr } from '../../theme/tokens.ts';
import { propertyValueLabel } from '../../i18n/property-value-label.ts';

/** The filters every dashboard offers by name; any other property is added with "More filters". */
export const FIXED_FILTERS = ['assigneeId', 'teamId', 'inboxId', 'channel'] as const;

export interface FilterBarOptions {
  filters: readonly Filter[];
  lookups: Lookups;
  catalog: TableCatalog | null;
  t(key: string, params?: Record<string, string | number>): string;
  change(filters: Filter[]): void;
}

/** The id → name lists of the lookups, for the properties that have them. */
function namedValues(property: string, lookups: Lookups): { id: string; name: string }[] | undefined {
  if (property === 'assigneeId') return lookups.assignees;
  if (property === 'teamId') return lookups.teams;
  if (property === 'inboxId') return lookups.inboxes;
  if (property === 'chatflowId') return lookups.chatflows;
  return undefined;
}

/** A value as the reader knows it: a lookup name, a translated channel/status/boolean, else the value. */
export function filterValueLabel(property: string, value: unknown, options: Pick<FilterBarOptions, 'lookups' | 't'>): string {
  if (value === null || value === undefined) return options.t('filters.none');
  if (typeof value === 'boolean') return options.t(value ? 'value.true' : 'value.false');
  const named = namedValues(property, options.lookups)?.find((entry) => entry.id === String(value));
  if (named) return named.name;
  if (property === 'channel' || property === 'status') {
    const key = `value.${property}.${String(value)}`;
    const text = options.t(key);
    if (text !== key) return text;
  }
  return typeof value === 'string' ? propertyValueLabel(property, value, options.t) : String(value);
}

function propertyLabel(info: PropertyInfo, t: FilterBarOptions['t']): string {
  const key = `property.${info.name}`;
  const text = t(key);
  return text === key ? info.label : text;
}

/** The values to pick from: lookup names first (teams, assignees…), else what the data holds. */
function choices(property: string, options: FilterBarOptions): PropertyValue[] {
  if (property === 'channel') return ['chat', 'email'];
  const named = namedValues(property, options.lookups);
  if (named && named.length > 0) return named.map((entry) => entry.id);
  return options.catalog?.values.get(property) ?? [];
}

/** Only a filter of the form `{ property, operator: 'is' }` is shown in the property's own select. */
function fixedValue(filters: readonly Filter[], property: string): string {
  const filter = filters.find((f) => f.property === property && f.operator === 'is');
  return filter ? JSON.stringify(filter.value) : '';
}

function isFixed(filter: Filter): boolean {
  return (FIXED_FILTERS as readonly string[]).includes(filter.property) && filter.operator === 'is';
}

function setFixed(options: FilterBarOptions, property: string, encoded: string): void {
  const rest = options.filters.filter((f) => !(f.property === property && f.operator === 'is'));
  options.change(encoded === '' ? rest : [...rest, { property, operator: 'is', value: JSON.parse(encoded) as PropertyValue }]);
}

/** What "More filters" offers: properties one can pick a single value of (dates and durations left to the editor). */
function extraProperties(options: FilterBarOptions): PropertyInfo[] {
  const list = options.catalog?.properties ?? builtInProperties;
  return list.filter(
    (info) => !(FIXED_FILTERS as readonly string[]).includes(info.name) && (info.type === 'enum' || info.type === 'boolean' || info.type === 'text' || info.type === 'url' || info.type === 'number'),
  );
}

function addExtra(event: SubmitEvent, options: FilterBarOptions): void {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  const property = String(data.get('property') ?? '');
  const raw = String(data.get('value') ?? '');
  if (!property || raw === '') return;
  const info = findProperty(options.catalog?.properties ?? builtInProperties, property);
  let value: PropertyValue;
  if (form.querySelector('select[name="value"]')) value = JSON.parse(raw) as PropertyValue;
  else if (info?.type === 'number') {
    const number = Number(raw);
    if (!Number.isFinite(number)) return;
    value = number;
  } else value = raw;
  options.change([...options.filters, { property, operator: 'is', value }]);
  form.reset();
}

function describe(filter: Filter, options: FilterBarOptions): string {
  const info = findProperty(options.catalog?.properties ?? builtInProperties, filter.property);
  const name = info ? propertyLabel(info, options.t) : filter.property;
  const values = Array.isArray(filter.value) ? filter.value : [filter.value];
  const shown = values.map((v) => filterValueLabel(filter.property, v, options)).join(', ');
  return options.t(`filters.operator.${filter.operator}`, { property: name, value: shown });
}

/**
 * The dashboard's filter bar: a select for assignee, team, inbox and channel (values by name), the
 * other filters as removable chips, and "More filters" to add one on any property. Native labelled
 * controls, so it is reached and used with the keyboard like the rest of the header.
 */
export function renderFilterBar(options: FilterBarOptions, selectedProperty: string, pick: (property: string) => void): TemplateResult {
  const { t, filters } = options;
  const extras = filters.filter((f) => !isFixed(f));
  const extraList = extraProperties(options);
  const chosen = extraList.find((info) => info.name === selectedProperty);
  const chosenValues = chosen ? choices(chosen.name, options) : [];
  return html`<div part="filters" class="filter-bar" role="group" aria-label=${t('filters.label')}>
    ${FIXED_FILTERS.map((property) => {
      const info = findProperty(builtInProperties, property)!;
      const current = fixedValue(filters, property);
      const values = choices(property, options);
      // A value set by a link or a saved dashboard is shown even when the names do not list it.
      const listed = values.some((v) => JSON.stringify(v) === current);
      return html`<label class="field">
        <span>${propertyLabel(info, t)}</span>
        <select data-filter=${property} @change=${(event: Event) => setFixed(options, property, (event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${current === ''}>${t('filters.all')}</option>
          ${values.map((value) => {
            const encoded = JSON.stringify(value);
            return html`<option value=${encoded} ?selected=${encoded === current}>${filterValueLabel(property, value, options)}</option>`;
          })}
          ${current !== '' && !listed ? html`<option value=${current} selected>${filterValueLabel(property, JSON.parse(current), options)}</option>` : nothing}
        </select>
      </label>`;
    })}
    ${extras.map(
      (filter) => html`<span class="filter-chip" part="filter-chip"
        >${describe(filter, options)}<button
          type="button"
          aria-label=${t('filters.remove', { filter: describe(filter, options) })}
          @click=${() => options.change(filters.filter((f) => f !== filter))}
        >×</button
      ></span>`,
    )}
    <form class="filter-more" @submit=${(event: SubmitEvent) => addExtra(event, options)}>
      <label class="field">
        <span>${t('filters.more')}</span>
        <select name="property" @change=${(event: Event) => pick((event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!chosen}>${t('filters.chooseProperty')}</option>
          ${extraList.map((info) => html`<option value=${info.name} ?selected=${info.name === chosen?.name}>${propertyLabel(info, t)}</option>`)}
        </select>
      </label>
      ${chosen
        ? html`<label class="field">
              <span>${t('filters.value')}</span>
              ${chosenValues.length > 0
                ? html`<select name="value" required>
                    ${chosenValues.map((value) => html`<option value=${JSON.stringify(value)}>${filterValueLabel(chosen.name, value, options)}</option>`)}
                  </select>`
                : html`<input name="value" required type=${chosen.type === 'number' ? 'number' : 'text'} />`}
            </label>
            <button type="submit">${t('filters.add')}</button>`
        : nothing}
    </form>
    ${filters.length > 0 ? html`<button type="button" class="filter-clear" @click=${() => options.change([])}>${t('filters.clear')}</button>` : nothing}
  </div>`;
}

export const filterBarStyles = css`
  .filter-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(${cr.space} * 0.75);
    margin-block-end: ${cr.space};
  }
  .filter-bar select,
  .filter-bar input {
    max-inline-size: 14rem;
  }
  .filter-more {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(${cr.space} * 0.5);
  }
  .filter-chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 4px 2px 10px;
    border: 1px solid ${cr.border};
    border-radius: 999px;
    font-size: 0.85rem;
    color: ${cr.text};
  }
  .filter-chip button {
    border: none;
    background: none;
    color: inherit;
    min-inline-size: 24px;
    min-block-size: 24px;
    cursor: pointer;
  }
`;
