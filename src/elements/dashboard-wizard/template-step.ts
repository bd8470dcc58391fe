import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DashboardTemplate } from '../../core/dashboard/templates.ts';
import { reportDescriptionText, reportTitleText, templateDescription, templateName, type Translator } from '../shared/dialog/template-text.ts';

/** `templateIndex` of the blank dashboard, offered before the templates. */
export const BLANK = -2;

/** What the template step shows and what it calls back. */
export interface TemplateStepView {
  t: Translator;
  templates: readonly DashboardTemplate[];
  /** Index into `templates`, `BLANK`, or -1 before a choice. */
  templateIndex: number;
  template: DashboardTemplate | undefined;
  ticked: ReadonlySet<string>;
  tickedCount: number;
  /** Why Next cannot be used yet, or null. */
  nextBlocker: string | null;
  select(index: number): void;
  toggle(id: string, checked: boolean): void;
  next(): void;
  cancel(): void;
}

/**
 * Step 1 of the wizard: the template library, with "Blank dashboard" after the templates, and the
 * side panel listing the chosen template's reports to untick.
 */
export function renderTemplateStep(view: TemplateStepView): TemplateResult {
  const templates = view.templates;
  const reason = view.nextBlocker;
  return html`<div class="body template-step">
      <section class="library" aria-labelledby="templates-heading">
        <h3 id="templates-heading" tabindex="-1">${view.t('dashboards.wizard.templatesHeading')}</h3>
        ${html`<fieldset part="templates" class="templates">
              <legend class="visually-hidden">${view.t('dashboards.wizard.templatesLegend')}</legend>
              ${templates.map((template, index) => renderTemplate(view, template, index))} ${renderBlank(view)}
            </fieldset>`}
      </section>
      ${renderPanel(view)}
    </div>
    <footer class="footer">
      ${reason ? html`<p id="next-reason" class="hint reason">${reason}</p>` : nothing}
      <span class="spacer"></span>
      <button type="button" @click=${view.cancel}>${view.t('common.cancel')}</button>
      <button
        type="button"
        class="primary"
        part="next-button"
        aria-disabled=${reason ? 'true' : 'false'}
        aria-describedby=${reason ? 'next-reason' : nothing}
        @click=${view.next}
      >
        ${view.t('dashboards.wizard.next')}
      </button>
    </footer>`;
}

/** "Blank dashboard", after the templates: no reports, to be added from the library. */
function renderBlank(view: TemplateStepView): TemplateResult {
  const selected = view.templateIndex === BLANK;
  return html`<div part="template" class=${selected ? 'template selected' : 'template'} data-template-id="blank" @click=${(event: Event) => {
    if (!(event.target as Element).closest('input, label')) view.select(BLANK);
  }}>
    <div class="template-title">
      <input type="radio" name="template" id="template-blank" value="blank" .checked=${live(selected)} aria-describedby="template-blank-description" @change=${() => view.select(BLANK)} />
      <label for="template-blank">${view.t('dashboards.wizard.blankName')}</label>
    </div>
    <p id="template-blank-description" class="description">${view.t('dashboards.wizard.blankDescription')}</p>
  </div>`;
}

function renderTemplate(view: TemplateStepView, template: DashboardTemplate, index: number): TemplateResult {
  const id = `template-${index}`;
  const selected = index === view.templateIndex;
  // A click anywhere on the card chooses it; the radio stays the keyboard and screen-reader path.
  const choose = (event: Event) => {
    if ((event.target as Element).closest('input, label')) return;
    view.select(index);
  };
  return html`<div part="template" class=${selected ? 'template selected' : 'template'} data-template-id=${template.id} @click=${choose}>
    <div class="template-title">
      <input
        type="radio"
        name="template"
        id=${id}
        value=${template.id}
        .checked=${live(selected)}
        aria-describedby=${`${id}-description`}
        @change=${() => view.select(index)}
      />
      <label for=${id}>${templateName(view.t, template)}</label>
      <span class="count">${view.t('dashboards.reportCount', { count: template.reports.length })}</span>
    </div>
    <p id=${`${id}-description`} class="description">${templateDescription(view.t, template)}</p>
    <ul class="template-reports">
      ${template.reports.map((report) => html`<li>${reportTitleText(view.t, report)}</li>`)}
    </ul>
  </div>`;
}

function renderPanel(view: TemplateStepView): TemplateResult {
  const template = view.template;
  const ticked = view.tickedCount;
  return html`<section part="panel" class="panel" aria-labelledby="reports-heading">
    <h3 id="reports-heading">${view.t('dashboards.wizard.reportsHeading')}</h3>
    ${view.templateIndex === BLANK
      ? html`<p class="hint">${view.t('dashboards.wizard.blankDescription')}</p>`
      : template
      ? html`<fieldset class="reports">
            <legend>${view.t('dashboards.wizard.reportsLegend', { template: templateName(view.t, template) })}</legend>
            ${template.reports.map((report, index) => {
              const id = `report-${index}`;
              const description = reportDescriptionText(view.t, report);
              return html`<div part="report-option" class="report-option" data-report-id=${report.id}>
                <input
                  type="checkbox"
                  id=${id}
                  .checked=${live(view.ticked.has(report.id))}
                  aria-describedby=${description ? `${id}-description` : nothing}
                  @change=${(event: Event) => view.toggle(report.id, (event.target as HTMLInputElement).checked)}
                />
                <label for=${id}>${reportTitleText(view.t, report)}</label>
                ${description ? html`<span id=${`${id}-description`} class="hint">${description}</span>` : nothing}
              </div>`;
            })}
          </fieldset>
          <p class="status" role="status">
            ${view.t('dashboards.wizard.selectedCount', { count: ticked, total: template.reports.length })}
          </p>`
      : html`<p class="hint">${view.t('dashboards.wizard.noTemplate')}</p>`}
  </section>`;
}
