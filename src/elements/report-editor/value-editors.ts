import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { PropertyInfo } from '../../core/table/properties.ts';
import type { FilterOperator } from '../../core/schema/report-spec.ts';
import type { Translate } from './editor-types.ts';
import {
  durationUnits,
  isMultiple,
  needsNoValue,
  picksFromList,
  type CriterionInput,
  type DurationUnit,
  type ValueField,
} from './filter-values.ts';
import { foldText } from './fold-text.ts';

export interface ValueOption {
  encoded: string;
  label: string;
}

/** Above this many values a list gets a box to narrow it. */
const SEARCHABLE_FROM = 8;

export interface ValueEditorProps {
  /** Id prefix of this criterion's controls. */
  base: string;
  info: PropertyInfo;
  operator: FilterOperator;
  input: CriterionInput;
  /** Values to choose from (present in the data, plus any already picked); empty → free entry. */
  options: ValueOption[];
  errors: Partial<Record<ValueField, string>>;
  t: Translate;
  onInput: (patch: InputPatch) => void;
}

/** New control contents, or a function of the current ones. */
export type InputPatch = Partial<CriterionInput> | ((current: CriterionInput) => Partial<CriterionInput>);

function errorText(props: ValueEditorProps, field: ValueField): TemplateResult | typeof nothing {
  const message = props.errors[field];
  return message ? html`<p class="error" id=${`${props.base}-${field}-error`}>${message}</p>` : nothing;
}

/** `aria-invalid`, `aria-describedby` and the focus marker of a control with a possible problem. */
function problemAttrs(props: ValueEditorProps, field: ValueField) {
  const invalid = Boolean(props.errors[field]);
  return {
    invalid: invalid ? 'true' : 'false',
    describedBy: invalid ? `${props.base}-${field}-error` : undefined,
    problem: invalid ? `${props.base}-${field}` : undefined,
  };
}

function valueFrom(event: Event): string {
  return (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
}

function unitSelect(props: ValueEditorProps): TemplateResult {
  const { t, base } = props;
  return html`<select
    id=${`${base}-unit`}
    class="unit"
    aria-label=${t('editor.criterion.unit')}
    @change=${(event: Event) => props.onInput({ unit: valueFrom(event) as DurationUnit })}
  >
    ${durationUnits.map((unit) => html`<option value=${unit} .selected=${unit === props.input.unit}>${t(`editor.unit.${unit}`)}</option>`)}
  </select>`;
}

function numberField(props: ValueEditorProps, field: ValueField, label: string): TemplateResult {
  const attrs = problemAttrs(props, field);
  const key = field === 'value' ? 'text' : field;
  return html`<span class="field">
    <label for=${`${props.base}-${field}`}>${label}</label>
    <input
      id=${`${props.base}-${field}`}
      type="number"
      step="any"
      inputmode="decimal"
      .value=${live(props.input[key])}
      aria-invalid=${attrs.invalid}
      aria-describedby=${attrs.describedBy ?? nothing}
      data-problem=${attrs.problem ?? nothing}
      @input=${(event: Event) => props.onInput({ [key]: valueFrom(event) })}
    />
  </span>`;
}

function dateField(props: ValueEditorProps, field: ValueField, label: string, type: 'date' | 'datetime-local'): TemplateResult {
  const attrs = problemAttrs(props, field);
  const key = field === 'value' ? 'text' : field;
  return html`<span class="field">
    <label for=${`${props.base}-${field}`}>${label}</label>
    <input
      id=${`${props.base}-${field}`}
      type=${type}
      .value=${live(props.input[key])}
      aria-invalid=${attrs.invalid}
      aria-describedby=${attrs.describedBy ?? nothing}
      data-problem=${attrs.problem ?? nothing}
      @input=${(event: Event) => props.onInput({ [key]: valueFrom(event) })}
      @change=${(event: Event) => props.onInput({ [key]: valueFrom(event) })}
    />
  </span>`;
}

function textField(props: ValueEditorProps, multiline: boolean, hint?: string): TemplateResult {
  const { t, base } = props;
  const attrs = problemAttrs(props, 'value');
  const hintId = hint ? `${base}-hint` : undefined;
  const describedBy = [attrs.describedBy, hintId].filter(Boolean).join(' ');
  const onInput = (event: Event) => props.onInput({ text: valueFrom(event) });
  return html`<span class="field">
    <label for=${`${base}-value`}>${t('editor.criterion.value')}</label>
    ${multiline
      ? html`<textarea
          id=${`${base}-value`}
          rows="3"
          .value=${live(props.input.text)}
          aria-invalid=${attrs.invalid}
          aria-describedby=${describedBy || nothing}
          data-problem=${attrs.problem ?? nothing}
          @input=${onInput}
        ></textarea>`
      : html`<input
          id=${`${base}-value`}
          type="text"
          .value=${live(props.input.text)}
          aria-invalid=${attrs.invalid}
          aria-describedby=${describedBy || nothing}
          data-problem=${attrs.problem ?? nothing}
          @input=${onInput}
        />`}
    ${hint ? html`<span class="hint" id=${hintId}>${hint}</span>` : nothing}
  </span>`;
}

/** Radio buttons for one value, checkboxes for several: native controls, so Space and arrows work as everywhere. */
function listField(props: ValueEditorProps): TemplateResult {
  const { t, base, input } = props;
  const multiple = isMultiple(props.operator);
  const attrs = problemAttrs(props, 'value');
  const query = foldText(input.search.trim());
  const shown = query ? props.options.filter((option) => foldText(option.label).includes(query)) : props.options;
  // Reads the picks at the time of the click: two quick clicks may come before the next render.
  const toggle = (encoded: string, checked: boolean) =>
    props.onInput((current) => ({
      picked: multiple
        ? checked
          ? [...current.picked.filter((p) => p !== encoded), encoded]
          : current.picked.filter((p) => p !== encoded)
        : [encoded],
    }));
  return html`<fieldset
    class="values"
    aria-describedby=${attrs.describedBy ?? nothing}
  >
    <legend>${t(multiple ? 'editor.criterion.values' : 'editor.criterion.value')}</legend>
    ${props.options.length > SEARCHABLE_FROM
      ? html`<input
          class="value-search"
          type="search"
          aria-label=${t('editor.criterion.searchValues')}
          placeholder=${t('editor.criterion.searchValues')}
          .value=${live(input.search)}
          @input=${(event: Event) => props.onInput({ search: valueFrom(event) })}
        />`
      : nothing}
    <div class="value-list">
      ${repeat(
        shown,
        (option) => option.encoded,
        (option, index) => html`<label class="value-option">
          <input
            type=${multiple ? 'checkbox' : 'radio'}
            name=${`${base}-value`}
            value=${option.encoded}
            .checked=${live(input.picked.includes(option.encoded))}
            data-problem=${attrs.problem && index === 0 ? attrs.problem : nothing}
            @change=${(event: Event) => toggle(option.encoded, (event.target as HTMLInputElement).checked)}
          />
          <span title=${option.label}>${option.label}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

/** The value control(s) that fit a property type and an operator. */
export function renderValueEditor(props: ValueEditorProps): TemplateResult {
  const { t, info, operator } = props;
  let body: TemplateResult;
  if (needsNoValue(operator)) {
    body = html`<p class="no-value">${t('editor.criterion.noValue')}</p>`;
  } else if (picksFromList(info) && operator !== 'contains' && props.options.length > 0) {
    body = listField(props);
  } else if (operator === 'between') {
    if (info.type === 'date') {
      body = html`${dateField(props, 'min', t('editor.criterion.min'), 'date')}${dateField(props, 'max', t('editor.criterion.max'), 'date')}`;
    } else {
      body = html`${numberField(props, 'min', t('editor.criterion.min'))}${numberField(props, 'max', t('editor.criterion.max'))}${
        info.type === 'duration' ? unitSelect(props) : nothing
      }`;
    }
  } else if (info.type === 'date') {
    body = dateField(props, 'value', t('editor.criterion.value'), 'datetime-local');
  } else if (info.type === 'duration') {
    body = html`${numberField(props, 'value', t('editor.criterion.value'))}${unitSelect(props)}`;
  } else if (info.type === 'number' && !isMultiple(operator)) {
    body = numberField(props, 'value', t('editor.criterion.value'));
  } else if (isMultiple(operator)) {
    const hint = info.type === 'number' ? 'editor.criterion.numbersHint' : picksFromList(info) ? 'editor.criterion.commaHint' : 'editor.criterion.listHint';
    body = textField(props, hint === 'editor.criterion.listHint', t(hint));
  } else {
    body = textField(props, false);
  }
  return html`<div class="value-editor" data-type=${info.type}>
    ${body}${errorText(props, 'value')}${errorText(props, 'min')}${errorText(props, 'max')}
  </div>`;
}
