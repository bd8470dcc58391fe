import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../../controllers/locale-controller.ts';
import { csvFileName, toCsv } from '../../core/export/csv.ts';
import { formatParseError, type ParseError } from '../../core/wire/parse-conversations.ts';
import { downloadFile } from '../shared/download-file.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { controlStyles } from '../conversation-dashboard/controls.styles.ts';
import { dataQualityStyles } from './data-quality.styles.ts';

export const DATA_QUALITY_TAG = 'cr-data-quality';

/** Reasons listed at once; the CSV has them all. */
const SHOWN = 100;

/**
 * @summary The records a load rejected: how many, why (the first hundred listed), and all of them
 * as a CSV download. Shows nothing while there are none. Used by `<conversation-dashboard>`.
 *
 * @csspart summary - "37 records rejected", which opens the list.
 * @csspart reasons - The list of reasons.
 * @csspart download - The CSV download button.
 *
 * @cssproperty --cr-color-warning - The notice's edge.
 */
export class DataQuality extends LitElement {
  static override styles = [themeStyles, controlStyles, dataQualityStyles];

  /** What the parser rejected, in load order. */
  @property({ attribute: false }) rejected: readonly ParseError[] = [];
  /** BCP 47 locale (default: the browser's). */
  @property() locale: string | undefined;

  readonly #locale = new LocaleController(this, { locale: () => this.locale });

  protected override async getUpdateComplete(): Promise<boolean> {
    return this.#locale.updateComplete(super.getUpdateComplete());
  }

  /** Saves every rejected record's index, id, field and problems as CSV. */
  download(): void {
    const csv = toCsv(
      ['index', 'id', 'field', 'message'],
      this.rejected.map((error) => [error.index, error.id ?? null, error.field, error.problems.map((p) => (p.field ? `${p.field} ${p.message}` : p.message)).join('; ')]),
    );
    downloadFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), csvFileName('rejected records'));
  }

  protected override render(): TemplateResult | typeof nothing {
    const { rejected } = this;
    if (rejected.length === 0) return nothing;
    const t = this.#locale.t;
    return html`<details>
      <summary part="summary">
        <strong>${t('dashboard.rejected', { count: rejected.length })}</strong>
        <span class="why">${t('dashboard.rejected.show')}</span>
      </summary>
      <ul part="reasons">
        ${rejected.slice(0, SHOWN).map((error) => html`<li><span class="reason">${formatParseError(error)}</span></li>`)}
      </ul>
      <button type="button" part="download" @click=${() => this.download()}>${t('dashboard.rejected.download')}</button>
    </details>`;
  }
}

if (!customElements.get(DATA_QUALITY_TAG)) customElements.define('cr-data-quality', DataQuality);

declare global {
  interface HTMLElementTagNameMap {
    'cr-data-quality': DataQuality;
  }
}
