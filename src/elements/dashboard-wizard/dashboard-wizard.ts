import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { validateDashboardName } from '../../core/dashboard/dashboard-name.ts';
import type { Privacy } from '../../core/schema/dashboard.ts';
import { templateList, type DashboardTemplate } from '../../core/dashboard/templates.ts';
import { DashboardCreateEvent } from '../../events/dashboard-create-event.ts';
import { DataErrorEvent } from '../../events/data-error-event.ts';
import { ForbiddenError } from '../../store/errors.ts';
import { canCreateDashboard } from '../../store/permissions.ts';
import { StoreDialogElement } from '../shared/dialog/store-dialog-element.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { buildDashboardDraft } from './dashboard-draft.ts';
import { teamsOf, type Team } from '../shared/dialog/team.ts';
import { dashboardWizardStyles } from './dashboard-wizard.styles.ts';
import { dialogBaseStyles } from '../shared/dialog/dialog-base.styles.ts';
import { renderNameField, renderPrivacyFields } from '../shared/dialog/form-parts.ts';
import { storeErrorMessage } from '../shared/dialog/store-error-message.ts';
import { reportDescriptionText, reportTitleText, templateDescription, templateName } from '../shared/dialog/template-text.ts';

export const DASHBOARD_WIZARD_TAG = 'dashboard-wizard';

type WizardStep = 'template' | 'details';
type Blocker = 'noUser' | 'forbidden' | 'noStore';

const STEPS: readonly WizardStep[] = ['template', 'details'];
/** `templateIndex` of the blank dashboard, offered before the templates. */
const BLANK = -2;

/**
 * Creating a dashboard from a template, the way support managers know it from HubSpot: pick Chat
 * overview or Email overview in the library, untick the reports you do not want in the side
 * panel, press Next, name the dashboard and choose who can see it, then Create.
 *
 * Open it with `show()` from a "Create dashboard" button; `show()` rejects for a user who may not
 * create dashboards (a host should not offer the button to them in the first place). The name is
 * checked as it is typed; Create saves through `store.save`, fires `dashboard-create` with the
 * saved dashboard and closes, giving focus back to the button that opened it. A store error is
 * shown in the dialog, which stays open so the user can correct or retry.
 *
 * @summary A modal wizard that creates a dashboard from a template: template library, report
 * checklist, name and privacy.
 *
 * @fires dashboard-create - {DashboardCreateEvent} The dashboard was saved: `{ dashboard }`. Bubbles, composed.
 * @fires data-error - {DataErrorEvent} The store refused or failed (`phase: 'store'`); the message is also shown in the dialog.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The title bar with the step indicator and the close button.
 * @csspart title - The `<h2>` "Create dashboard".
 * @csspart close-button - The close button.
 * @csspart templates - The radio group of templates (step 1).
 * @csspart template - One template card: name, description, its reports.
 * @csspart panel - The side panel with the checklist of the chosen template's reports (step 1).
 * @csspart report-option - One report with its checkbox in the side panel.
 * @csspart next-button - Next; marked `aria-disabled` with a visible reason while it cannot be used.
 * @csspart name-input - The dashboard name `<input>` (step 2).
 * @csspart name-problem - The message under the name explaining what is wrong with it.
 * @csspart privacy - The privacy `<fieldset>` (step 2).
 * @csspart team-select - The `<select>` of the user's teams.
 * @csspart back-button - Back to the template step.
 * @csspart create-button - Create dashboard.
 * @csspart error - A store error, or why the wizard cannot be used.
 *
 * @cssproperty --cr-dialog-bg - Dialog background. Defaults to `--cr-color-surface`.
 * @cssproperty --cr-color-surface - Global surface colour, the fallback of `--cr-dialog-bg`.
 * @cssproperty --cr-color-text - Text (default `#1f2328`).
 * @cssproperty --cr-color-muted - Hints and secondary text (default `#57606a`).
 * @cssproperty --cr-color-border - Borders (default `#d0d7de`).
 * @cssproperty --cr-color-accent - The primary button and the chosen template (default `#0969da`).
 * @cssproperty --cr-color-on-accent - Text on the accent colour (default `#fff`).
 * @cssproperty --cr-color-danger - Errors (default `#cf222e`).
 * @cssproperty --cr-color-focus - Focus rings (default `#0969da`).
 * @cssproperty --cr-color-hover - Hovered buttons and templates.
 * @cssproperty --cr-font-family - Font (default `system-ui, sans-serif`).
 * @cssproperty --cr-radius - Corner radius (default `10px`).
 * @cssproperty --cr-space - Base spacing unit (default `12px`; dialogs use two thirds of it).
 */
export class DashboardWizard extends StoreDialogElement {
  static override styles = [themeStyles, dialogBaseStyles, dashboardWizardStyles];

  /** The templates to choose from (default: Chat overview and Email overview). */
  @property({ attribute: false }) templates: readonly DashboardTemplate[] = templateList;
  @state() private step: WizardStep = 'template';
  @state() private templateIndex = -1;
  @state() private ticked: ReadonlySet<string> = new Set();
  @state() private name = '';
  @state() private nameEdited = false;
  @state() private nameSubmitted = false;
  @state() private privacy: Privacy = 'private';
  @state() private teamId = '';
  @state() private saving = false;
  @state() private error: string | null = null;

  #focusPending = false;

  /**
   * Opens the wizard at the template library; resolves once it is shown.
   * @throws ForbiddenError when there is no user or the user may not create dashboards; Error without a store.
   */
  async show(): Promise<void> {
    const blocker = this.#blocker();
    if (blocker === 'noUser' || blocker === 'forbidden')
      throw new ForbiddenError('create', undefined, blocker === 'noUser' ? 'no user is signed in' : 'the user may not edit dashboards');
    if (blocker === 'noStore') throw new Error(this.t('dashboards.wizard.noStore'));
    this.open = true;
    await this.updateComplete;
    if (!this.modal.isOpen) throw new Error('<dashboard-wizard> could not be shown: is it in the document?');
  }

  #blocker(): Blocker | null {
    if (!this.user) return 'noUser';
    if (!canCreateDashboard(this.user)) return 'forbidden';
    if (!this.store) return 'noStore';
    return null;
  }

  get #templates(): readonly DashboardTemplate[] {
    return Array.isArray(this.templates) ? this.templates : [];
  }

  get #template(): DashboardTemplate | undefined {
    // A blank dashboard is a template without reports, named in the user's language.
    if (this.templateIndex === BLANK)
      return { id: 'blank', name: this.t('dashboards.wizard.blankName'), description: this.t('dashboards.wizard.blankDescription'), reports: [] };
    return this.#templates[this.templateIndex];
  }

  get #teams(): Team[] {
    return teamsOf(this.user, this.teams);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('open') && this.open && !this.modal.isOpen) this.#reset();
    if ((changed.has('user') || changed.has('teams')) && !this.#teams.some((team) => team.id === this.teamId))
      this.teamId = this.#teams[0]?.id ?? '';
    if (changed.has('templates') && this.templateIndex >= this.#templates.length) this.templateIndex = -1;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open')) {
      const shown = this.modal.sync(this.open);
      if (shown === 'shown') this.#focusPending = true;
      else if (shown === 'refused') this.open = false;
    }
    if (this.#focusPending && this.modal.isOpen) {
      this.#focusPending = false;
      this.#focusStep();
    }
  }

  /** Every opening starts over: a half-finished dashboard from last time would surprise. */
  #reset(): void {
    this.step = 'template';
    this.templateIndex = -1;
    this.ticked = new Set();
    this.name = '';
    this.nameEdited = false;
    this.nameSubmitted = false;
    this.privacy = 'private';
    this.teamId = this.#teams[0]?.id ?? '';
    this.saving = false;
    this.error = null;
  }

  /** The step's first control, so keyboard and screen-reader users land where the work is. */
  #focusStep(): void {
    const root = this.renderRoot;
    if (this.#blocker() !== null) {
      root.querySelector<HTMLElement>('[part="close-button"]')?.focus();
      return;
    }
    if (this.step === 'template') {
      const target =
        root.querySelector<HTMLInputElement>('input[name="template"]:checked') ??
        root.querySelector<HTMLInputElement>('input[name="template"]') ??
        root.querySelector<HTMLElement>('#templates-heading');
      target?.focus();
    } else {
      const input = root.querySelector<HTMLInputElement>('#name');
      input?.focus();
      // The name is prefilled from the template: typing replaces it, arrow keys keep it.
      input?.select();
    }
  }

  #goTo(step: WizardStep): void {
    this.step = step;
    this.error = null;
    this.#focusPending = true;
  }

  #selectTemplate(index: number): void {
    if (index === this.templateIndex) return;
    if (index === BLANK) {
      this.templateIndex = BLANK;
      this.ticked = new Set();
      return;
    }
    const template = this.#templates[index];
    if (!template) return;
    this.templateIndex = index;
    this.ticked = new Set(template.reports.map((report) => report.id));
  }

  #toggleReport(id: string, checked: boolean): void {
    const next = new Set(this.ticked);
    if (checked) next.add(id);
    else next.delete(id);
    this.ticked = next;
  }

  #nextBlocker(): string | null {
    if (!this.#template) return this.t('dashboards.wizard.needTemplate');
    if (this.templateIndex !== BLANK && this.#tickedReports().length === 0) return this.t('dashboards.wizard.needReport');
    return null;
  }

  #tickedReports(): DashboardTemplate['reports'] {
    return this.#template?.reports.filter((report) => this.ticked.has(report.id)) ?? [];
  }

  #next(): void {
    const template = this.#template;
    if (!template || this.#nextBlocker() !== null) return;
    if (!this.nameEdited) this.name = templateName(this.t, template);
    this.#goTo('details');
  }

  #back(): void {
    this.nameSubmitted = false;
    this.#goTo('template');
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const { store, user } = this;
    const template = this.#template;
    if (!store || !user || !template) return;
    this.nameSubmitted = true;
    this.saving = true;
    this.error = null;
    if (validateDashboardName(this.name, await this.settledNames()) !== null) {
      this.saving = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus();
      return;
    }
    const draft = buildDashboardDraft(
      { template, reportIds: new Set(this.#tickedReports().map((r) => r.id)), name: this.name, privacy: this.privacy, teamId: this.teamId },
      user,
    );
    try {
      const saved = await store.save(draft, user);
      this.saving = false;
      this.dispatchEvent(new DashboardCreateEvent(saved));
      await this.hide();
    } catch (error) {
      this.saving = false;
      const message = storeErrorMessage(this.resolvedLocale, error);
      this.error = message;
      this.dispatchEvent(new DataErrorEvent({ error, message, phase: 'store' }));
    }
  }

  protected override render(): TemplateResult {
    const blocker = this.#blocker();
    const stepNumber = STEPS.indexOf(this.step) + 1;
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.modal.handleClose}>
      <header class="header" part="header">
        <div>
          <h2 id="title" part="title">${this.t('dashboards.wizard.title')}</h2>
          ${blocker === null
            ? html`<p class="step">${this.t('dashboards.wizard.step', { step: stepNumber, total: STEPS.length })}</p>`
            : nothing}
        </div>
        <button type="button" part="close-button" @click=${() => void this.hide()}>${this.t('common.close')}</button>
      </header>
      ${blocker !== null
        ? this.#renderBlocked(blocker)
        : this.step === 'template'
          ? this.#renderTemplateStep()
          : this.#renderDetailsStep()}
    </dialog>`;
  }

  #renderBlocked(blocker: Blocker): TemplateResult {
    return html`<div class="body">
      <p part="error" class="error blocked" role="alert">${this.t(`dashboards.wizard.${blocker}`)}</p>
    </div>`;
  }

  #renderTemplateStep(): TemplateResult {
    const templates = this.#templates;
    const reason = this.#nextBlocker();
    return html`<div class="body template-step">
        <section class="library" aria-labelledby="templates-heading">
          <h3 id="templates-heading" tabindex="-1">${this.t('dashboards.wizard.templatesHeading')}</h3>
          ${html`<fieldset part="templates" class="templates">
                <legend class="visually-hidden">${this.t('dashboards.wizard.templatesLegend')}</legend>
                ${templates.map((template, index) => this.#renderTemplate(template, index))} ${this.#renderBlank()}
              </fieldset>`}
        </section>
        ${this.#renderPanel()}
      </div>
      <footer class="footer">
        ${reason ? html`<p id="next-reason" class="hint reason">${reason}</p>` : nothing}
        <span class="spacer"></span>
        <button type="button" @click=${() => void this.hide()}>${this.t('common.cancel')}</button>
        <button
          type="button"
          class="primary"
          part="next-button"
          aria-disabled=${reason ? 'true' : 'false'}
          aria-describedby=${reason ? 'next-reason' : nothing}
          @click=${this.#next}
        >
          ${this.t('dashboards.wizard.next')}
        </button>
      </footer>`;
  }

  /** "Blank dashboard", after the templates: no reports, to be added from the library. */
  #renderBlank(): TemplateResult {
    const selected = this.templateIndex === BLANK;
    return html`<div part="template" class=${selected ? 'template selected' : 'template'} data-template-id="blank" @click=${(event: Event) => {
      if (!(event.target as Element).closest('input, label')) this.#selectTemplate(BLANK);
    }}>
      <div class="template-title">
        <input type="radio" name="template" id="template-blank" value="blank" .checked=${live(selected)} aria-describedby="template-blank-description" @change=${() => this.#selectTemplate(BLANK)} />
        <label for="template-blank">${this.t('dashboards.wizard.blankName')}</label>
      </div>
      <p id="template-blank-description" class="description">${this.t('dashboards.wizard.blankDescription')}</p>
    </div>`;
  }

  #renderTemplate(template: DashboardTemplate, index: number): TemplateResult {
    const id = `template-${index}`;
    const selected = index === this.templateIndex;
    // A click anywhere on the card chooses it; the radio stays the keyboard and screen-reader path.
    const choose = (event: Event) => {
      if ((event.target as Element).closest('input, label')) return;
      this.#selectTemplate(index);
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
          @change=${() => this.#selectTemplate(index)}
        />
        <label for=${id}>${templateName(this.t, template)}</label>
        <span class="count">${this.t('dashboards.reportCount', { count: template.reports.length })}</span>
      </div>
      <p id=${`${id}-description`} class="description">${templateDescription(this.t, template)}</p>
      <ul class="template-reports">
        ${template.reports.map((report) => html`<li>${reportTitleText(this.t, report)}</li>`)}
      </ul>
    </div>`;
  }

  #renderPanel(): TemplateResult {
    const template = this.#template;
    const ticked = this.#tickedReports().length;
    return html`<section part="panel" class="panel" aria-labelledby="reports-heading">
      <h3 id="reports-heading">${this.t('dashboards.wizard.reportsHeading')}</h3>
      ${this.templateIndex === BLANK
        ? html`<p class="hint">${this.t('dashboards.wizard.blankDescription')}</p>`
        : template
        ? html`<fieldset class="reports">
              <legend>${this.t('dashboards.wizard.reportsLegend', { template: templateName(this.t, template) })}</legend>
              ${template.reports.map((report, index) => {
                const id = `report-${index}`;
                const description = reportDescriptionText(this.t, report);
                return html`<div part="report-option" class="report-option" data-report-id=${report.id}>
                  <input
                    type="checkbox"
                    id=${id}
                    .checked=${live(this.ticked.has(report.id))}
                    aria-describedby=${description ? `${id}-description` : nothing}
                    @change=${(event: Event) => this.#toggleReport(report.id, (event.target as HTMLInputElement).checked)}
                  />
                  <label for=${id}>${reportTitleText(this.t, report)}</label>
                  ${description ? html`<span id=${`${id}-description`} class="hint">${description}</span>` : nothing}
                </div>`;
              })}
            </fieldset>
            <p class="status" role="status">
              ${this.t('dashboards.wizard.selectedCount', { count: ticked, total: template.reports.length })}
            </p>`
        : html`<p class="hint">${this.t('dashboards.wizard.noTemplate')}</p>`}
    </section>`;
  }

  #renderDetailsStep(): TemplateResult {
    const template = this.#template;
    const problem = validateDashboardName(this.name, this.knownNames);
    return html`<form class="details" novalidate @submit=${this.#create}>
      <div class="body details-step">
        <h3 id="details-heading" tabindex="-1">${this.t('dashboards.wizard.detailsHeading')}</h3>
        ${template
          ? html`<p class="summary">
              ${this.t('dashboards.wizard.summary', { template: templateName(this.t, template), count: this.#tickedReports().length })}
            </p>`
          : nothing}
        ${renderNameField({
          id: 'name',
          value: this.name,
          problem,
          showProblem: this.nameSubmitted || this.nameEdited || this.name !== '',
          note: this.namesNote(),
          t: this.t,
          onInput: (value) => {
            this.name = value;
            this.nameEdited = true;
          },
        })}
        ${renderPrivacyFields({
          id: 'privacy',
          privacy: this.privacy,
          teamId: this.teamId,
          teams: this.#teams,
          t: this.t,
          onPrivacy: (privacy) => (this.privacy = privacy),
          onTeam: (teamId) => (this.teamId = teamId),
        })}
      </div>
      ${this.error ? html`<p part="error" class="error" role="alert">${this.error}</p>` : nothing}
      <footer class="footer">
        <button type="button" part="back-button" @click=${this.#back}>${this.t('dashboards.wizard.back')}</button>
        <span class="spacer"></span>
        <button type="button" @click=${() => void this.hide()}>${this.t('common.cancel')}</button>
        <button type="submit" class="primary" part="create-button" aria-disabled=${this.saving ? 'true' : 'false'}>
          ${this.saving ? this.t('dashboards.wizard.creating') : this.t('dashboards.wizard.create')}
        </button>
      </footer>
    </form>`;
  }
}

if (!customElements.get('dashboard-wizard')) customElements.define('dashboard-wizard', DashboardWizard);

declare global {
  interface HTMLElementTagNameMap {
    'dashboard-wizard': DashboardWizard;
  }
}
