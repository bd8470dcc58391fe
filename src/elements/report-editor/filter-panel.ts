import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { findProperty, type PropertyInfo } from '../../core/table/properties.ts';
import type { FilterOperator } from '../../core/schema/report-spec.ts';
import { criterionControl, newCriterion, type ControlId, type Criterion } from './editor-draft.ts';
import type { Translate } from './editor-types.ts';
import type { EditorVocabulary } from './editor-vocabulary.ts';
import { FilterApplyEvent } from './events/filter-apply-event.ts';
import { FilterChangeEvent } from './events/filter-change-event.ts';
import { FilterDiscardEvent } from './events/filter-discard-event.ts';
import { emptyInput, isMultiple, type ValueField } from './filter-values.ts';
import './property-search.ts';
import type { PropertyPickEvent, PropertySearch, SearchOption } from './property-search.ts';
import { renderValueEditor, type InputPatch } from './value-editors.ts';

export const FILTER_PANEL_TAG = 'cr-filter-panel';

/**
 * The report's criteria, all joined by AND. Edits stay in the panel until "Apply filter"; Cancel or
 * Escape drops them. The panel keeps no state of its own beyond what it is given: each edit is a
 * cancelable `filter-change` carrying the new criteria, fired before the panel shows them, so the
 * editor checks the criteria it holds; Apply and Cancel are `filter-apply` and `filter-discard`.
 *
 * Renders into the light DOM so that it shares the editor's shadow root: ids, `aria-*` references
 * and the editor's styles reach it.
 *
 * @internal
 */
export class FilterPanel extends LitElement {
  @property({ attribute: false }) criteria: readonly Criterion[] = [];
  @property({ attribute: false }) catalog: readonly PropertyInfo[] = [];
  /** The properties a criterion can be on. */
  @property({ attribute: false }) searchOptions: SearchOption[] = [];
  /** The revealed problems of the criteria, by control. */
  @property({ attribute: false }) errors: ReadonlyMap<ControlId, string> = new Map();
  @property({ attribute: false }) t: Translate = (key) => key;
  @property({ attribute: false }) words: EditorVocabulary | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  #error(control: ControlId): string | undefined {
    return this.errors.get(control);
  }

  /** Offers `criteria` to the editor; shows them unless it refused. */
  #change(criteria: Criterion[]): boolean {
    if (!this.dispatchEvent(new FilterChangeEvent(criteria))) return false;
    this.criteria = criteria;
    return true;
  }

  #update(uid: number, update: (criterion: Criterion) => Criterion): void {
    this.#change(this.criteria.map((criterion) => (criterion.uid === uid ? update(criterion) : criterion)));
  }

  #onProperty(uid: number, name: string): void {
    const info = findProperty(this.catalog, name);
    if (!info) return;
    this.#update(uid, (criterion) =>
      criterion.property === name ? criterion : { uid, property: name, operator: info.operators[0] ?? '', input: emptyInput() },
    );
  }

  #onOperator(uid: number, operator: FilterOperator): void {
    this.#update(uid, (criterion) => {
      // The typed value stays (a number is still a number under another comparison); one pick at most for a single value.
      const input = { ...criterion.input, picked: isMultiple(operator) ? criterion.input.picked : criterion.input.picked.slice(0, 1) };
      return { uid, property: criterion.property, operator, input, ...(criterion.fromChannel ? { fromChannel: true } : {}) };
    });
  }

  #onInput(uid: number, change: InputPatch): void {
    this.#update(uid, (criterion) => {
      const patch = typeof change === 'function' ? change(criterion.input) : change;
      const { original: _original, ...rest } = criterion;
      // Narrowing a list is not an edit of the value.
      const keepOriginal = Object.keys(patch).every((key) => key === 'search');
      return { ...(keepOriginal ? criterion : rest), input: { ...criterion.input, ...patch } };
    });
  }

  async #onRemove(uid: number): Promise<void> {
    const index = this.criteria.findIndex((criterion) => criterion.uid === uid);
    if (!this.#change(this.criteria.filter((criterion) => criterion.uid !== uid))) return;
    const next = this.criteria[Math.min(index, this.criteria.length - 1)];
    await this.updateComplete;
    this.querySelector<HTMLElement>(next ? `.criterion[data-uid="${next.uid}"] .remove-criterion` : '.and-button')?.focus();
  }

  readonly #onAdd = async (): Promise<void> => {
    const criterion = newCriterion();
    if (!this.#change([...this.criteria, criterion])) return;
    await this.updateComplete;
    const search = this.querySelector<PropertySearch>(`.criterion[data-uid="${criterion.uid}"] cr-property-search`);
    search?.focus();
    search?.show();
  };

  readonly #onApply = (): void => {
    this.dispatchEvent(new FilterApplyEvent(this.criteria));
  };

  readonly #onDiscard = (): void => {
    this.dispatchEvent(new FilterDiscardEvent());
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    this.#onDiscard();
  };

  #renderCriterion(criterion: Criterion, index: number): TemplateResult {
      const { t, catalog } = this;
    const number = index + 1;
    const base = `criterion-${criterion.uid}`;
    const info = criterion.property ? findProperty(catalog, criterion.property) : undefined;
    const propertyError = this.#error(criterionControl(criterion.uid, 'property'));
    const operatorError = this.#error(criterionControl(criterion.uid, 'operator'));
    const valueErrors: Partial<Record<ValueField, string>> = {};
    for (const field of ['value', 'min', 'max'] as const) {
      const message = this.#error(criterionControl(criterion.uid, field));
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
              .options=${this.searchOptions}
              .label=${t('editor.criterion.property')}
              .placeholder=${t('editor.criterion.searchProperty')}
              .noMatch=${t('editor.search.noMatch')}
              .value=${criterion.property}
              .invalid=${Boolean(propertyError)}
              .describedBy=${propertyError ? `${base}-property-error` : ''}
              @property-pick=${(event: PropertyPickEvent) => this.#onProperty(criterion.uid, event.name)}
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
              @change=${(event: Event) => this.#onOperator(criterion.uid, (event.target as HTMLSelectElement).value as FilterOperator)}
            >
              ${info
                ? info.operators.map(
                    (operator) => html`<option value=${operator} .selected=${operator === criterion.operator}>${this.words!.operatorLabel(info, operator)}</option>`,
                  )
                : html`<option value="" selected>${t('editor.criterion.chooseOperator')}</option>`}
            </select>
            ${operatorError ? html`<p class="error" id=${`${base}-operator-error`}>${operatorError}</p>` : nothing}
          </span>
          <button type="button" class="remove-criterion" @click=${() => void this.#onRemove(criterion.uid)}>
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
              options: this.words!.valueOptions(criterion, info),
              errors: valueErrors,
              t,
              onInput: (patch) => this.#onInput(criterion.uid, patch),
            })
          : nothing}
      </fieldset>
    </li>`;
  }


  protected override render(): TemplateResult {
    const { t } = this;
    return html`<section id="filter-panel" class="filter-panel" part="filter-panel" aria-labelledby="filters-heading" @keydown=${this.#onKeydown}>
      <h3 id="filters-heading">${t('editor.filters.heading')}</h3>
      <p class="hint">${this.criteria.length > 0 ? t('editor.filters.intro') : t('editor.filters.none')}</p>
      <ol class="criteria">
        ${repeat(
          this.criteria,
          (criterion) => criterion.uid,
          (criterion, index) => this.#renderCriterion(criterion, index),
        )}
      </ol>
      <div class="panel-actions">
        <button type="button" class="and-button" @click=${() => void this.#onAdd()}>
          <span aria-hidden="true">+</span> ${t('editor.filters.and')}<span class="visually-hidden">, ${t('editor.filters.addCriterion')}</span>
        </button>
        <span class="spacer"></span>
        <button type="button" class="discard-filters" @click=${this.#onDiscard}>${t('editor.filters.discard')}</button>
        <button type="button" class="apply-filters primary" @click=${this.#onApply}>${t('editor.filters.apply')}</button>
      </div>
    </section>`;
  }
}

// Defined through the constant: an internal element stays out of custom-elements.json and out of
// the manifest test's list of public tags (which reads literal `define('…')` calls).
if (!customElements.get(FILTER_PANEL_TAG)) customElements.define(FILTER_PANEL_TAG, FilterPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cr-filter-panel': FilterPanel;
  }
}
