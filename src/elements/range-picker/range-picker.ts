import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController } from '../../controllers/locale-controller.ts';
import { rangePresets } from '../../core/time/range-presets.ts';
import type { DateRange } from '../../core/types.ts';
import { RangeSelectEvent } from '../../events/range-select-event.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { controlStyles } from '../conversation-dashboard/controls.styles.ts';
import { DEFAULT_RANGE, type RangeValue } from '../conversation-dashboard/range-attribute.ts';
import { localDate, localDays } from './local-days.ts';
import { rangePickerStyles } from './range-picker.styles.ts';

export const RANGE_PICKER_TAG = 'cr-range-picker';

/**
 * @summary The date range of a dashboard: a preset ("Last 30 days", "This month"…) or custom local
 * calendar days. It shows the range it is given and asks for a new one with `range-select`; the
 * owner (`<conversation-dashboard>`) sets it.
 *
 * @fires range-select - The reader chose a preset, or applied custom days: `range`, `days?`; cancelable. Does not leave the owner's shadow root.
 *
 * @csspart presets - The preset `<select>`.
 * @csspart custom - The form of custom days (From, To, Apply), shown when "Custom" is chosen or the range is not a preset.
 *
 * @cssproperty --cr-color-danger - The note on an invalid custom range.
 */
export class RangePicker extends LitElement {
  static override styles = [themeStyles, controlStyles, rangePickerStyles];

  /** The range in force: a preset name, "start/end" ISO dates, or `{ from, to }` in epoch ms. */
  @property({ attribute: false }) range: RangeValue = DEFAULT_RANGE;
  /** The range in force as instants (null when it cannot be read): fills the custom days. */
  @property({ attribute: false }) resolved: DateRange | null = null;
  /** BCP 47 locale (default: the browser's). */
  @property() locale: string | undefined;
  /** IANA zone the custom days are local to (default: the browser's). */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;

  /** "Custom" chosen, before days are applied. */
  @state() private choosingDays = false;
  @state() private invalidDays = false;

  readonly #locale = new LocaleController(this, { locale: () => this.locale, timeZone: () => this.timeZone });

  protected override async getUpdateComplete(): Promise<boolean> {
    return this.#locale.updateComplete(super.getUpdateComplete());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A range set from outside (a config, a link) is shown as it is.
    if (changed.has('range')) this.choosingDays = false;
  }

  #onPreset(value: string): void {
    if (value === 'custom') {
      this.choosingDays = true;
      return;
    }
    this.choosingDays = false;
    this.dispatchEvent(new RangeSelectEvent(value));
  }

  #applyDays(event: Event): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const from = Date.parse(`${(form.elements.namedItem('from') as HTMLInputElement).value}T00:00:00Z`);
    const to = Date.parse(`${(form.elements.namedItem('to') as HTMLInputElement).value}T00:00:00Z`);
    if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
      this.invalidDays = true;
      return;
    }
    this.invalidDays = false;
    this.dispatchEvent(new RangeSelectEvent(localDays(from, to, this.#locale.timeZone), { from, to }));
  }

  protected override render(): TemplateResult {
    const t = this.#locale.t;
    const { range, resolved } = this;
    const zone = this.#locale.timeZone;
    const preset = typeof range === 'string' && (rangePresets as readonly string[]).includes(range) && !this.choosingDays ? range : 'custom';
    return html`<label class="field">
        <span>${t('dashboard.range')}</span>
        <select part="presets" @change=${(event: Event) => this.#onPreset((event.target as HTMLSelectElement).value)}>
          ${rangePresets.map((name) => html`<option value=${name} ?selected=${preset === name}>${t(`dashboard.range.${name}`)}</option>`)}
          <option value="custom" ?selected=${preset === 'custom'}>${t('dashboard.range.custom')}</option>
        </select>
      </label>
      ${preset === 'custom'
        ? html`<form class="custom-range" part="custom" @submit=${this.#applyDays}>
            <label class="field"
              ><span>${t('dashboard.range.from')}</span
              ><input type="date" name="from" required .value=${resolved ? localDate(resolved.from, zone) : ''}
            /></label>
            <label class="field"
              ><span>${t('dashboard.range.to')}</span
              ><input type="date" name="to" required .value=${resolved ? localDate(resolved.to - 1, zone) : ''}
            /></label>
            <button type="submit">${t('dashboard.range.apply')}</button>
            ${this.invalidDays ? html`<span class="hint" role="alert">${t('dashboard.range.invalid')}</span>` : nothing}
          </form>`
        : nothing}`;
  }
}

if (!customElements.get(RANGE_PICKER_TAG)) customElements.define('cr-range-picker', RangePicker);

declare global {
  interface HTMLElementTagNameMap {
    'cr-range-picker': RangePicker;
  }
}
