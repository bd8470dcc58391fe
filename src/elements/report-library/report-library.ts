import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import { templateList, type DashboardTemplate } from '../../core/dashboard/templates.ts';
import { ReportAddEvent } from '../../events/report-add-event.ts';
import { ReportCreateCustomEvent } from '../../events/report-create-custom-event.ts';
import { dialogBaseStyles } from '../shared/dialog/dialog-base.styles.ts';
import { ModalDialogElement } from '../shared/dialog/modal-dialog-element.ts';
import { reportDescriptionText, reportTitleText, templateName } from '../shared/dialog/template-text.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { copyReport, isCopyOf } from './report-copy.ts';
import { reportLibraryStyles } from './report-library.styles.ts';
import { dashboards } from '../../i18n/en/dashboards.ts';
import { addCatalogPart } from '../../i18n/translate.ts';

export const REPORT_LIBRARY_TAG = 'report-library';

/**
 * The reports a dashboard can add: every template report, grouped by template, each with its
 * title and description, and "Custom report" to build one in the editor. Reports already on the
 * dashboard are marked and can still be added again. Choosing closes the library and gives focus
 * back to the button that opened it; the host adds the report (or opens the editor) and saves.
 *
 * @summary A modal library of ready-made reports to add to a dashboard, plus "Custom report".
 *
 * @fires report-add - {ReportAddEvent} A report was chosen: `{ spec, sourceId }`, `spec` a copy with a fresh unique id. Bubbles, composed.
 * @fires report-create-custom - {ReportCreateCustomEvent} "Create custom report" was chosen: `{}`. Bubbles, composed, cancelable (inside a dashboard a request: the dashboard fires its own before it opens the editor).
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The title bar with the close button.
 * @csspart title - The `<h2>` "Add a report".
 * @csspart close-button - The close button.
 * @csspart group - The section of one template's reports.
 * @csspart report - One report: title, description, mark, Add button.
 * @csspart on-dashboard - The "On this dashboard" mark.
 * @csspart add-button - A report's Add button.
 * @csspart custom - The "Custom report" section.
 * @csspart custom-button - "Create custom report".
 *
 * @cssproperty --cr-dialog-bg - Dialog background. Defaults to `var(--cr-color-surface, #fff)`.
 * @cssproperty --cr-color-surface - Global surface colour, the fallback of `--cr-dialog-bg`.
 * @cssproperty --cr-color-text - Text (default `#1f2328`).
 * @cssproperty --cr-color-muted - Descriptions (default `#57606a`).
 * @cssproperty --cr-color-border - Borders (default `#d0d7de`).
 * @cssproperty --cr-color-accent - The primary button and the "On this dashboard" mark (default `#0969da`).
 * @cssproperty --cr-color-on-accent - Text on the accent colour (default `#fff`).
 * @cssproperty --cr-color-focus - Focus rings (default `#0969da`).
 * @cssproperty --cr-color-hover - Hovered buttons.
 * @cssproperty --cr-font-family - Font (default `system-ui, sans-serif`).
 * @cssproperty --cr-radius - Corner radius (default `10px`).
 * @cssproperty --cr-space - Base spacing unit (default `12px`).
 */
export class ReportLibrary extends ModalDialogElement {
  static override styles = [themeStyles, dialogBaseStyles, reportLibraryStyles];

  /** Where the reports come from, one group per template (default: Chat overview and Email overview). */
  @property({ attribute: false }) templates: readonly DashboardTemplate[] = templateList;
  /** Ids of the reports on the dashboard: their library reports are marked "On this dashboard". */
  @property({ attribute: false }) existingIds: readonly string[] = [];

  /** The first report, like the first item of any list; the custom report is a Tab away at the end. */
  protected override dialogShown(): void {
    const first =
      this.renderRoot.querySelector<HTMLElement>('[part="add-button"]') ??
      this.renderRoot.querySelector<HTMLElement>('[part="custom-button"]');
    first?.focus();
  }

  #isOnDashboard(report: ReportSpec): boolean {
    const ids = Array.isArray(this.existingIds) ? this.existingIds : [];
    return ids.some((id) => isCopyOf(id, report.id));
  }

  async #add(report: ReportSpec): Promise<void> {
    this.dispatchEvent(new ReportAddEvent({ spec: copyReport(report), sourceId: report.id }));
    await this.hide();
  }

  async #createCustom(): Promise<void> {
    this.dispatchEvent(new ReportCreateCustomEvent());
    await this.hide();
  }

  protected override render(): TemplateResult {
    const templates = (Array.isArray(this.templates) ? this.templates : []).filter((template) => template.reports.length > 0);
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="intro" @close=${this.modal.handleClose}>
      <header class="header" part="header">
        <h2 id="title" part="title">${this.t('dashboards.library.title')}</h2>
        <button type="button" part="close-button" @click=${() => void this.hide()}>${this.t('common.close')}</button>
      </header>
      <div class="body">
        <p id="intro">${this.t('dashboards.library.intro')}</p>
        ${templates.length === 0 ? html`<p class="hint">${this.t('dashboards.library.empty')}</p>` : nothing}
        ${templates.map((template, index) => this.#renderGroup(template, index))}
        <section part="custom" class="custom" aria-labelledby="custom-heading">
          <h3 id="custom-heading">${this.t('dashboards.library.customHeading')}</h3>
          <p id="custom-text" class="hint">${this.t('dashboards.library.customText')}</p>
          <button type="button" class="primary" part="custom-button" aria-describedby="custom-text" @click=${this.#createCustom}>
            ${this.t('dashboards.library.custom')}
          </button>
        </section>
      </div>
    </dialog>`;
  }

  #renderGroup(template: DashboardTemplate, groupIndex: number): TemplateResult {
    const headingId = `group-${groupIndex}`;
    return html`<section part="group" aria-labelledby=${headingId} data-template-id=${template.id}>
      <h3 id=${headingId}>${templateName(this.t, template)}</h3>
      <ul class="reports">
        ${template.reports.map((report, index) => {
          const id = `report-${groupIndex}-${index}`;
          const title = reportTitleText(this.t, report);
          const description = reportDescriptionText(this.t, report);
          const onDashboard = this.#isOnDashboard(report);
          const describedBy = [description ? `${id}-description` : '', onDashboard ? `${id}-on` : ''].filter(Boolean).join(' ');
          return html`<li part="report" class="report" data-report-id=${report.id}>
            <div class="text">
              <span class="title">${title}</span>
              ${description ? html`<span id=${`${id}-description`} class="hint">${description}</span>` : nothing}
              ${onDashboard
                ? html`<span id=${`${id}-on`} part="on-dashboard" class="badge">${this.t('dashboards.library.onDashboard')}</span>`
                : nothing}
            </div>
            <button
              type="button"
              part="add-button"
              aria-label=${this.t('dashboards.library.addLabel', { title })}
              aria-describedby=${describedBy || nothing}
              @click=${() => void this.#add(report)}
            >
              ${this.t('dashboards.library.add')}
            </button>
          </li>`;
        })}
      </ul>
    </section>`;
  }
}

// Its texts come with it: the English section is in this chunk, the others load for the languages in use.
addCatalogPart('dashboards', dashboards);
if (!customElements.get('report-library')) customElements.define('report-library', ReportLibrary);

declare global {
  interface HTMLElementTagNameMap {
    'report-library': ReportLibrary;
  }
}
