import { html, nothing, type TemplateResult } from 'lit';
import { timeBuckets, type AggregateOp, type TimeBucket } from '../../core/schema/report-spec.ts';
import type { MeasureOp } from './editor-draft.ts';
import { slots, type Slot, type Translate } from './editor-types.ts';

export interface ChipView {
  name: string;
  label: string;
  /** Localized type, e.g. "Duration". */
  type: string;
}

export interface ChipsProps {
  chips: ChipView[];
  picked: string | null;
  menuFor: string | null;
  dragging: string | null;
  t: Translate;
  /** Why `name` cannot go into `slot`, or null when it can. */
  refusal: (name: string, slot: Slot) => string | null;
  onPick: (name: string) => void;
  onToggleMenu: (name: string) => void;
  onMenuKeydown: (event: KeyboardEvent) => void;
  onUse: (name: string, slot: Slot) => void;
  onDragStart: (event: DragEvent, name: string) => void;
  onDragEnd: () => void;
  onGoToData: () => void;
}

/** The chosen properties as chips: drag one into a slot, or pick it (then a slot), or use its menu. */
export function renderChips(props: ChipsProps): TemplateResult {
  const { t, chips } = props;
  if (chips.length === 0)
    return html`<div class="chips-empty">
      <p>${t('editor.chips.empty')}</p>
      <button type="button" class="link" @click=${props.onGoToData}>${t('editor.chips.toData')}</button>
    </div>`;
  return html`<p class="hint" id="chips-hint">${t('editor.chips.hint')}</p>
    <ul class="chips" part="chips" aria-label=${t('editor.chips')}>
      ${chips.map((chip) => {
        const menuOpen = props.menuFor === chip.name;
        const menuId = `chip-menu-${cssId(chip.name)}`;
        return html`<li
          class="chip"
          part="chip"
          draggable="true"
          data-name=${chip.name}
          ?data-picked=${props.picked === chip.name}
          ?data-dragging=${props.dragging === chip.name}
          @dragstart=${(event: DragEvent) => props.onDragStart(event, chip.name)}
          @dragend=${props.onDragEnd}
        >
          <button
            type="button"
            class="chip-pick"
            aria-pressed=${props.picked === chip.name ? 'true' : 'false'}
            aria-describedby="chips-hint"
            @click=${() => props.onPick(chip.name)}
          >
            <span class="grip" aria-hidden="true">⠿</span>
            <span class="chip-label">${chip.label}</span>
            <span class="chip-type">${chip.type}</span>
          </button>
          <button
            type="button"
            class="chip-menu-button"
            aria-haspopup="menu"
            aria-expanded=${menuOpen ? 'true' : 'false'}
            aria-controls=${menuOpen ? menuId : nothing}
            aria-label=${t('editor.chip.menu', { property: chip.label })}
            @click=${() => props.onToggleMenu(chip.name)}
          >
            <span aria-hidden="true">⋮</span>
          </button>
          ${menuOpen
            ? html`<ul class="menu" id=${menuId} role="menu" aria-label=${t('editor.chip.menu', { property: chip.label })} @keydown=${props.onMenuKeydown}>
                ${slots.map((slot) => {
                  const refusal = props.refusal(chip.name, slot);
                  return html`<li role="none">
                    <button
                      type="button"
                      role="menuitem"
                      tabindex="-1"
                      data-slot=${slot}
                      aria-disabled=${refusal ? 'true' : 'false'}
                      @click=${() => (refusal ? undefined : props.onUse(chip.name, slot))}
                    >
                      <span>${t(`editor.chip.useAs.${slot}`)}</span>
                      ${refusal ? html`<span class="menu-reason">${refusal}</span>` : nothing}
                    </button>
                  </li>`;
                })}
              </ul>`
            : nothing}
        </li>`;
      })}
    </ul>`;
}

export interface SlotsProps {
  t: Translate;
  label: (name: string) => string;
  dimension: string | undefined;
  breakdown: string | undefined;
  timeBucket: TimeBucket | undefined;
  showTimeBucket: boolean;
  measureOp: MeasureOp;
  measureProperty: string | undefined;
  /** Aggregations the measure property allows. */
  measureOps: readonly AggregateOp[];
  /** (v2) The measure property may be measured as a share of one of its values. */
  shareable: boolean;
  /** The value a share counts, encoded (see filter-values.ts), and the values to pick from (empty: typed). */
  shareValue: string | undefined;
  shareOptions: readonly { encoded: string; label: string }[];
  onShareValue: (encoded: string) => void;
  picked: string | null;
  dropTarget: Slot | null;
  refusal: (name: string, slot: Slot) => string | null;
  error: (control: 'dimension' | 'breakdown' | 'measure' | 'timeBucket') => string | undefined;
  onPlace: (name: string, slot: Slot) => void;
  onClear: (slot: Slot) => void;
  onTimeBucket: (bucket: TimeBucket) => void;
  onMeasureOp: (op: MeasureOp) => void;
  onDragOver: (event: DragEvent, slot: Slot) => void;
  onDragLeave: (event: DragEvent, slot: Slot) => void;
  onDrop: (event: DragEvent, slot: Slot) => void;
}

/** CSS-safe id part for a property name such as "properties.first contact". */
export function cssId(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

function renderSlot(props: SlotsProps, slot: Slot, body: TemplateResult, filled: string | undefined): TemplateResult {
  const { t } = props;
  const labelId = `slot-${slot}-label`;
  const error = props.error(slot);
  const refusal = props.picked ? props.refusal(props.picked, slot) : null;
  return html`<div
    class="slot"
    part="slot"
    role="group"
    data-slot=${slot}
    aria-labelledby=${labelId}
    aria-describedby=${error ? `slot-${slot}-error` : nothing}
    ?data-drop-target=${props.dropTarget === slot}
    ?data-filled=${Boolean(filled)}
    @dragover=${(event: DragEvent) => props.onDragOver(event, slot)}
    @dragenter=${(event: DragEvent) => props.onDragOver(event, slot)}
    @dragleave=${(event: DragEvent) => props.onDragLeave(event, slot)}
    @drop=${(event: DragEvent) => props.onDrop(event, slot)}
  >
    <span class="slot-label" id=${labelId}>${t(`editor.slot.${slot}`)}</span>
    ${body}
    ${props.picked && props.picked !== filled
      ? refusal
        ? html`<p class="slot-refusal">${refusal}</p>`
        : html`<button type="button" class="slot-place" data-problem=${error ? slot : nothing} @click=${() => props.onPlace(props.picked!, slot)}>
            ${t('editor.slot.place', { property: props.label(props.picked) })}
          </button>`
      : nothing}
    ${error ? html`<p class="error" id=${`slot-${slot}-error`}>${error}</p>` : nothing}
  </div>`;
}

function clearButton(props: SlotsProps, slot: Slot, name: string, problem: boolean): TemplateResult {
  const { t } = props;
  return html`<button
    type="button"
    class="slot-clear"
    data-problem=${problem ? slot : nothing}
    aria-label=${t('editor.slot.clear', { property: props.label(name), slot: t(`editor.slotName.${slot}`) })}
    @click=${() => props.onClear(slot)}
  >
    <span aria-hidden="true">✕</span>
  </button>`;
}

export function renderSlots(props: SlotsProps): TemplateResult {
  const { t } = props;
  const value = (slot: 'dimension' | 'breakdown') => {
    const name = props[slot];
    if (!name) return html`<span class="slot-empty">${t('editor.slot.empty')}</span>`;
    return html`<span class="slot-value"><span class="slot-property">${props.label(name)}</span>${clearButton(props, slot, name, Boolean(props.error(slot)))}</span>`;
  };
  const bucketError = props.error('timeBucket');
  const measureError = props.error('measure');
  const ops: MeasureOp[] = ['count', ...(props.measureProperty ? props.measureOps : []), ...(props.measureProperty && props.shareable ? (['share'] as const) : [])];
  return html`<div class="slots" part="slots">
    ${renderSlot(props, 'dimension', value('dimension'), props.dimension)}
    ${props.showTimeBucket
      ? html`<div class="slot slot-bucket" part="slot" data-slot="timeBucket">
          <label class="slot-label" for="time-bucket">${t('editor.slot.timeBucket')}</label>
          <select
            id="time-bucket"
            aria-invalid=${bucketError ? 'true' : 'false'}
            aria-describedby=${bucketError ? 'slot-timeBucket-error' : nothing}
            data-problem=${bucketError ? 'timeBucket' : nothing}
            @change=${(event: Event) => props.onTimeBucket((event.target as HTMLSelectElement).value as TimeBucket)}
          >
            ${timeBuckets.map((bucket) => html`<option value=${bucket} .selected=${bucket === (props.timeBucket ?? 'day')}>${t(`editor.bucket.${bucket}`)}</option>`)}
          </select>
          ${bucketError ? html`<p class="error" id="slot-timeBucket-error">${bucketError}</p>` : nothing}
        </div>`
      : nothing}
    ${renderSlot(props, 'breakdown', value('breakdown'), props.breakdown)}
    ${renderSlot(
      props,
      'measure',
      html`<span class="slot-value measure">
          <select
            id="measure-op"
            aria-label=${t('editor.slot.aggregation')}
            aria-invalid=${measureError ? 'true' : 'false'}
            data-problem=${measureError ? 'measure' : nothing}
            @change=${(event: Event) => props.onMeasureOp((event.target as HTMLSelectElement).value as MeasureOp)}
          >
            ${ops.map((op) => html`<option value=${op} .selected=${op === props.measureOp}>${t(`editor.measure.${op}`)}</option>`)}
          </select>
          ${props.measureProperty
            ? html`<span class="slot-property">${props.label(props.measureProperty)}</span>${clearButton(props, 'measure', props.measureProperty, false)}`
            : nothing}
        </span>
        ${props.measureProperty ? nothing : html`<span class="slot-empty">${t('editor.slot.measureHint')}</span>`}
        ${props.measureOp === 'share' && props.measureProperty ? renderShareValue(props) : nothing}`,
      props.measureProperty,
    )}
  </div>`;
}

/** The value a `share` measure counts ("First response SLA" equal to "Met"): picked from a list, or typed. */
function renderShareValue(props: SlotsProps): TemplateResult {
  const { t } = props;
  const label = t('editor.slot.shareValue');
  return html`<label class="share-value">
    <span>${label}</span>
    ${props.shareOptions.length > 0
      ? html`<select id="share-value" @change=${(event: Event) => props.onShareValue((event.target as HTMLSelectElement).value)}>
          ${props.shareOptions.map((option) => html`<option value=${option.encoded} .selected=${option.encoded === props.shareValue}>${option.label}</option>`)}
        </select>`
      : html`<input
          id="share-value"
          type="text"
          .value=${props.shareValue === undefined ? '' : String(JSON.parse(props.shareValue))}
          @change=${(event: Event) => props.onShareValue(JSON.stringify((event.target as HTMLInputElement).value))}
        />`}
  </label>`;
}
