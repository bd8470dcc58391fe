import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { validateDashboardName } from '../../core/dashboard/dashboard-name.ts';
import type { Privacy } from '../../core/schema/dashboard.ts';
import { templateList, type DashboardTemplate } from '../../core/dashboard/templates.ts';
import { DashboardCreateEvent } from '../../events/dashboard-create-event.ts';
import { DataErrorEvent } from '../../events/data-error-event.ts';
import { ForbiddenError } from '../../store/errors.ts';
import { canCreateDashboard } from '../../store/permission-checks.ts';
import { StoreDialogElement } from '../shared/dialog/store-dialog-element.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { buildDashboardDraft } from './dashboard-draft.ts';
import { teamsOf, type Team } from '../shared/dialog/team.ts';
import { dashboardWizardStyles } from './dashboard-wizard.styles.ts';
import { dialogBaseStyles } from '../shared/dialog/dialog-base.styles.ts';
import { renderNameField, renderPrivacyFields } from '../shared/dialog/form-parts.ts';
import { storeErrorMessage } from '../shared/dialog/store-error-message.ts';
import { templateName } from '../shared/dialog/template-text.ts';
import { BLANK, renderTemplateStep } from './template-step.ts';
import { dashboards } from '../../i18n/en/dashboards.ts';
import { addCatalogPart } from '../../i18n/translate.ts';

export const DASHBOARD_WIZARD_TAG = 'dashboard-wizard';

type WizardStep = 'template' | 'details';
type Blocker = 'noUser' | 'forbidden' | 'noStore';

const STEPS: readonly WizardStep[] = ['template', 'details'];

/** What the user has chosen and typed so far; every opening starts from `initialState`. */
interface WizardState {
  step: WizardStep;
  /** Index into `templates`, `BLANK`, or -1 before a choice. */
  templateIndex: number;
  ticked: ReadonlySet<string>;
  name: string;
  nameEdited: boolean;
  nameSubmitted: boolean;
  privacy: Privacy;
  teamId: string;
  saving: boolean;
  /** What the store threw on the last Create, kept as thrown until it is shown. */
  failure: { error: unknown } | null;
}

function initialState(teamId: string): WizardState {
  return {
    step: 'template',
    templateIndex: -1,
    ticked: new Set(),
    name: '',
    nameEdited: false,
    nameSubmitted: false,
    privacy: 'private',
    teamId,
    saving: false,
    failure: null,
  };
}

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
  #state: WizardState = initialState('');
  #focusPending = false;

  #set(change: Partial<WizardState>): void {
    this.#state = { ...this.#state, ...change };
    this.requestUpdate();
  }

  /**
   * Opens the wizard at the template library; resolves once it is shown.
   * @throws ForbiddenError when there is no user or the user may not create dashboards; Error without a store.
   */
  override async show(): Promise<void> {
    const blocker = this.#blocker();
    if (blocker === 'noUser' || blocker === 'forbidden')
      throw new ForbiddenError('create', undefined, blocker === 'noUser' ? 'no user is signed in' : 'the user may not edit dashboards');
    if (blocker === 'noStore') throw new Error(this.t('dashboards.wizard.noStore'));
    await super.show();
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
    if (this.#state.templateIndex === BLANK)
      return { id: 'blank', name: this.t('dashboards.wizard.blankName'), description: this.t('dashboards.wizard.blankDescription'), reports: [] };
    return this.#templates[this.#state.templateIndex];
  }

  get #teams(): Team[] {
    return teamsOf(this.user, this.teams);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('open') && this.open && !this.modal.isOpen) this.#reset();
    if ((changed.has('user') || changed.has('teams')) && !this.#teams.some((team) => team.id === this.#state.teamId))
      this.#set({ teamId: this.#teams[0]?.id ?? '' });
    if (changed.has('templates') && this.#state.templateIndex >= this.#templates.length) this.#set({ templateIndex: -1 });
  }

  protected override dialogShown(): void {
    this.#focusPending = true;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusPending && this.modal.isOpen) {
      this.#focusPending = false;
      this.#focusStep();
    }
  }

  /** Every opening starts over: a half-finished dashboard from last time would surprise. */
  #reset(): void {
    this.#set(initialState(this.#teams[0]?.id ?? ''));
  }

  /** The step's first control, so keyboard and screen-reader users land where the work is. */
  #focusStep(): void {
    const root = this.renderRoot;
    if (this.#blocker() !== null) {
      root.querySelector<HTMLElement>('[part="close-button"]')?.focus();
      return;
    }
    if (this.#state.step === 'template') {
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
    this.#set({ step, failure: null });
    this.#focusPending = true;
  }

  #selectTemplate(index: number): void {
    if (index === this.#state.templateIndex) return;
    if (index === BLANK) {
      this.#set({ templateIndex: BLANK, ticked: new Set() });
      return;
    }
    const template = this.#templates[index];
    if (!template) return;
    this.#set({ templateIndex: index, ticked: new Set(template.reports.map((report) => report.id)) });
  }

  #toggleReport(id: string, checked: boolean): void {
    const next = new Set(this.#state.ticked);
    if (checked) next.add(id);
    else next.delete(id);
    this.#set({ ticked: next });
  }

  #nextBlocker(): string | null {
    if (!this.#template) return this.t('dashboards.wizard.needTemplate');
    if (this.#state.templateIndex !== BLANK && this.#tickedReports().length === 0) return this.t('dashboards.wizard.needReport');
    return null;
  }

  #tickedReports(): DashboardTemplate['reports'] {
    return this.#template?.reports.filter((report) => this.#state.ticked.has(report.id)) ?? [];
  }

  #next(): void {
    const template = this.#template;
    if (!template || this.#nextBlocker() !== null) return;
    if (!this.#state.nameEdited) this.#set({ name: templateName(this.t, template) });
    this.#goTo('details');
  }

  #back(): void {
    this.#set({ nameSubmitted: false });
    this.#goTo('template');
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    if (this.#state.saving) return;
    const { store, user } = this;
    const template = this.#template;
    if (!store || !user || !template) return;
    this.#set({ nameSubmitted: true, saving: true, failure: null });
    if (validateDashboardName(this.#state.name, await this.settledNames()) !== null) {
      this.#set({ saving: false });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus();
      return;
    }
    const draft = buildDashboardDraft(
      { template, reportIds: new Set(this.#tickedReports().map((r) => r.id)), name: this.#state.name, privacy: this.#state.privacy, teamId: this.#state.teamId },
      user,
    );
    try {
      const saved = await store.save(draft, user);
      this.#set({ saving: false });
      this.dispatchEvent(new DashboardCreateEvent(saved));
      await this.hide();
    } catch (error) {
      this.#set({ saving: false, failure: { error } });
      const message = storeErrorMessage(this.resolvedLocale, error);
      this.dispatchEvent(new DataErrorEvent({ error, message, phase: 'store' }));
    }
  }

  protected override render(): TemplateResult {
    const blocker = this.#blocker();
    const stepNumber = STEPS.indexOf(this.#state.step) + 1;
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
        : this.#state.step === 'template'
          ? renderTemplateStep({
              t: this.t,
              templates: this.#templates,
              templateIndex: this.#state.templateIndex,
              template: this.#template,
              ticked: this.#state.ticked,
              tickedCount: this.#tickedReports().length,
              nextBlocker: this.#nextBlocker(),
              select: (index) => this.#selectTemplate(index),
              toggle: (id, checked) => this.#toggleReport(id, checked),
              next: () => this.#next(),
              cancel: () => void this.hide(),
            })
          : this.#renderDetailsStep()}
    </dialog>`;
  }

  #renderBlocked(blocker: Blocker): TemplateResult {
    return html`<div class="body">
      <p part="error" class="error blocked" role="alert">${this.t(`dashboards.wizard.${blocker}`)}</p>
    </div>`;
  }

  #renderDetailsStep(): TemplateResult {
    const template = this.#template;
    const problem = validateDashboardName(this.#state.name, this.knownNames);
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
          value: this.#state.name,
          problem,
          showProblem: this.#state.nameSubmitted || this.#state.nameEdited || this.#state.name !== '',
          note: this.namesNote(),
          t: this.t,
          onInput: (value) => {
            this.#set({ name: value, nameEdited: true });
          },
        })}
        ${renderPrivacyFields({ id: 'privacy', choice: this.#state, teams: this.#teams, t: this.t, onChange: (change) => this.#set(change) })}
      </div>
      ${this.#state.failure
        ? html`<p part="error" class="error" role="alert">${storeErrorMessage(this.resolvedLocale, this.#state.failure.error)}</p>`
        : nothing}
      <footer class="footer">
        <button type="button" part="back-button" @click=${this.#back}>${this.t('dashboards.wizard.back')}</button>
        <span class="spacer"></span>
        <button type="button" @click=${() => void this.hide()}>${this.t('common.cancel')}</button>
        <button type="submit" class="primary" part="create-button" aria-disabled=${this.#state.saving ? 'true' : 'false'}>
          ${this.#state.saving ? this.t('dashboards.wizard.creating') : this.t('dashboards.wizard.create')}
        </button>
      </footer>
    </form>`;
  }
}

// Its texts come with it: the English section is in this chunk, the others load for the languages in use.
addCatalogPart('dashboards', dashboards);
if (!customElements.get('dashboard-wizard')) customElements.define('dashboard-wizard', DashboardWizard);

declare global {
  interface HTMLElementTagNameMap {
    'dashboard-wizard': DashboardWizard;
  }
}
