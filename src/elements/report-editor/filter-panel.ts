import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { findProperty, type PropertyInfo } from '../../core/table/properties.ts';
import type { FilterOperator } from '../../core/schema/report-spec.ts';
import { criterionControl, type ControlId, type Criterion } from './editor-draft.ts';
import type { Translate } from './editor-types.ts';
import type { ValueField } from './filter-values.ts';
import './property-search.ts';
import type { PropertyPickEvent, SearchOption } from './property-search.ts';
import { renderValueEditor, type InputPatch, type ValueOption } from './value-editors.ts';

export interface FilterPanelProps {
  criteria: readonly Criterion[];
  catalog: readonly PropertyInfo[];
  searchOptions: SearchOption[];
  t: Translate;
  operatorLabel: (info: PropertyInfo, operator: FilterOperator) => string;
  valueOptions: (criterion: Criterion, info: PropertyInfo) => ValueOption[];
  error: (control: ControlId) => string | undefined;
  onProperty: (uid: number, name: string) => void;
  onOperator: (uid: number, operator: FilterOperator) => void;
  onInput: (uid: number, patch: InputPatch) => void;
  onRemove: (uid: number) => void;
  onAdd: () => void;
  onApply: () => void;
  onDiscard: () => void;
}

function renderCriterion(props: FilterPanelProps, criterion: Criterion, index: number): TemplateResult {
  const { t, catalog } = props;
  const number = index + 1;
  const base = `criterion-${criterion.uid}`;
  const info = criterion.property ? findProperty(catalog, criterion.property) : undefined;
  const propertyError = props.error(criterionControl(criterion.uid, 'property'));
  const operatorError = props.error(criterionControl(criterion.uid, 'operator'));
  const valueErrors: Partial<Record<ValueField, string>> = {};
  for (const field of ['value', 'min', 'max'] as const) {
    const message = props.error(criterionControl(criterion.uid, field));
    if (message) valueErrors[field] = message;
  }
  return html`<li class="criterion" part="criterion" data-uid=${criterion.uid}>
    ${index > 0 ? html`<p class="joiner">${t('editor.filters.and')}</p>` : nothing}
    <fieldset>
      <legend class="visually-hidden">${t('editor.criterion', { number })}</legend>
      <div class="criterion-row">
        <div class="criterion-property">
          <cr-property-search
            class="criterion-search"
            data-problem=${propertyError ? `${base}-property` : nothing}
            .options=${props.searchOptions}
            .label=${t('editor.criterion.property')}
            .placeholder=${t('editor.criterion.searchProperty')}
            .noMatch=${t('editor.search.noMatch')}
            .value=${criterion.property}
            .invalid=${Boolean(propertyError)}
            .describedBy=${propertyError ? `${base}-property-error` : ''}
            @property-pick=${(event: PropertyPickEvent) => props.onProperty(criterion.uid, event.name)}
          ></cr-property-search>
          ${propertyError ? html`<p class="error" id=${`${base}-property-error`}>${propertyError}</p>` : nothing}
        </div>
        <span class="field criterion-operator">
          <label for=${`${base}-operator`}>${t('editor.criterion.operator')}</label>
          <select
            id=${`${base}-operator`}
            ?disabled=${!info}
            aria-invalid=${operatorError ? 'true' : 'false'}
            aria-describedby=${operatorError ? `${base}-operator-error` : nothing}
            data-problem=${operatorError ? `${base}-operator` : nothing}
            @change=${(event: Event) => props.onOperator(criterion.uid, (event.target as HTMLSelectElement).value as FilterOperator)}
          >
            ${info
              ? info.operators.map(
                  (operator) => html`<option value=${operator} .selected=${operator === criterion.operator}>${props.operatorLabel(info, operator)}</option>`,
                )
              : html`<option value="" selected>${t('editor.criterion.chooseOperator')}</option>`}
          </select>
          ${operatorError ? html`<p class="error" id=${`${base}-operator-error`}>${operatorError}</p>` : nothing}
        </span>
        <button type="button" class="remove-criterion" @click=${() => props.onRemove(criterion.uid)}>
          <span aria-hidden="true">✕</span>
          <span class="visually-hidden">${t('editor.criterion.remove', { number })}</span>
        </button>
      </div>
      ${info && criterion.operator
        ? renderValueEditor({
            base,
            info,
            operator: criterion.operator,
            input: criterion.input,
            options: props.valueOptions(criterion, info),
            errors: valueErrors,
            t,
            onInput: (patch) => props.onInput(criterion.uid, patch),
          })
        : nothing}
    </fieldset>
  </li>`;
}

/**
 * The report's criteria, all joined by AND. Edits stay in the panel until "Apply filter", which
 * checks them, puts them into the report and closes the panel; Cancel or Escape drops them.
 */
export function renderFilterPanel(props: FilterPanelProps): TemplateResult {
  const { t } = props;
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    props.onDiscard();
  };
  return html`<section id="filter-panel" class="filter-panel" part="filter-panel" aria-labelledby="filters-heading" @keydown=${onKeydown}>
    <h3 id="filters-heading">${t('editor.filters.heading')}</h3>
    <p class="hint">${props.criteria.length > 0 ? t('editor.filters.intro') : t('editor.filters.none')}</p>
    <ol class="criteria">
      ${repeat(
        props.criteria,
        (criterion) => criterion.uid,
        (criterion, index) => renderCriterion(props, criterion, index),
      )}
    </ol>
    <div class="panel-actions">
      <button type="button" class="and-button" @click=${props.onAdd}>
        <span aria-hidden="true">+</span> ${t('editor.filters.and')}<span class="visually-hidden">, ${t('editor.filters.addCriterion')}</span>
      </button>
      <span class="spacer"></span>
      <button type="button" class="discard-filters" @click=${props.onDiscard}>${t('editor.filters.discard')}</button>
      <button type="button" class="apply-filters primary" @click=${props.onApply}>${t('editor.filters.apply')}</button>
    </div>
  </section>`;
}
