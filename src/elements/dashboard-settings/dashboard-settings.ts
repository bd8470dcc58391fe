import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { cleanDashboardName, validateDashboardName } from '../../core/dashboard/dashboard-name.ts';
import type { Dashboard, Privacy } from '../../core/schema/dashboard.ts';
import { DashboardChangeEvent } from '../../events/dashboard-change-event.ts';
import { DashboardDeleteEvent, DashboardDeletedEvent } from '../../events/dashboard-delete-event.ts';
import { DataErrorEvent } from '../../events/data-error-event.ts';
import { canChangeSharing, canDeleteDashboard, canEditDashboard } from '../../store/permission-checks.ts';
import { teamsOf, type Team } from '../shared/dialog/team.ts';
import { dialogBaseStyles } from '../shared/dialog/dialog-base.styles.ts';
import { renderNameField, renderPrivacyFields } from '../shared/dialog/form-parts.ts';
import { storeErrorMessage } from '../shared/dialog/store-error-message.ts';
import { StoreDialogElement } from '../shared/dialog/store-dialog-element.ts';
import { themeStyles } from '../../theme/theme.styles.ts';
import { dashboardSettingsStyles } from './dashboard-settings.styles.ts';
import { dashboards } from '../../i18n/en/dashboards.ts';
import { addCatalogPart } from '../../i18n/translate.ts';

export const DASHBOARD_SETTINGS_TAG = 'dashboard-settings';

type View = 'main' | 'confirm-delete';
type Busy = 'rename' | 'privacy' | 'delete' | null;

/** The fields and messages of the dialog; each opening (or another dashboard) starts from the stored dashboard. */
interface SettingsState {
  view: View;
  name: string;
  nameEdited: boolean;
  privacy: Privacy;
  teamId: string;
  busy: Busy;
  /** What was just saved, in words. */
  status: string;
  /** What the store threw, kept as thrown until it is shown. */
  failure: { error: unknown } | null;
}

function initialState(dashboard: Dashboard | null, teamId: string): SettingsState {
  return {
    view: 'main',
    name: dashboard?.name ?? '',
    nameEdited: false,
    privacy: dashboard?.privacy ?? 'private',
    teamId,
    busy: null,
    status: '',
    failure: null,
  };
}

/**
 * The settings of one dashboard for one user: rename it (anyone who may edit it), change who can
 * see it and delete it (its owner only, as the store enforces). Controls the user may not use are
 * not rendered at all; a non-owner reads who the dashboard is shared with instead. Deleting asks
 * for confirmation first. Every change goes through the store; what it refuses is shown in the
 * dialog and nothing is assumed saved.
 *
 * @summary A modal dialog to rename a dashboard, change its privacy, or delete it.
 *
 * @fires dashboard-change - {DashboardChangeEvent} Saved: `{ dashboardId, dashboard, reason: 'rename' | 'privacy' }`. Bubbles, composed.
 * @fires dashboard-delete - {DashboardDeleteEvent} Before the dashboard is deleted (after the user confirmed): `{ dashboardId, dashboard }`; cancelable, `preventDefault()` keeps it. Bubbles, composed.
 * @fires data-error - {DataErrorEvent} The store refused or failed (`phase: 'store'`); the message is also shown in the dialog.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The title bar with the close button.
 * @csspart title - The `<h2>` "Dashboard settings".
 * @csspart close-button - The close button.
 * @csspart name-input - The name `<input>`.
 * @csspart name-problem - The message explaining what is wrong with the name.
 * @csspart rename-button - Rename.
 * @csspart privacy - The privacy `<fieldset>` (owner only).
 * @csspart team-select - The `<select>` of the owner's teams.
 * @csspart privacy-button - Save sharing.
 * @csspart sharing - The read-only "Visible to …" line shown to non-owners.
 * @csspart delete-button - Delete dashboard (owner only); asks for confirmation.
 * @csspart confirm-delete-button - The confirming Delete.
 * @csspart cancel-delete-button - Cancels the deletion.
 * @csspart status - What was just saved.
 * @csspart error - A store error.
 *
 * @cssproperty --cr-dialog-bg - Dialog background. Defaults to `--cr-color-surface`.
 * @cssproperty --cr-color-surface - Global surface colour, the fallback of `--cr-dialog-bg`.
 * @cssproperty --cr-color-text - Text (default `#1f2328`).
 * @cssproperty --cr-color-muted - Hints and secondary text (default `#57606a`).
 * @cssproperty --cr-color-border - Borders (default `#d0d7de`).
 * @cssproperty --cr-color-accent - Primary buttons (default `#0969da`).
 * @cssproperty --cr-color-on-accent - Text on accent and danger buttons (default `#fff`).
 * @cssproperty --cr-color-danger - Delete and errors (default `#cf222e`).
 * @cssproperty --cr-color-focus - Focus rings (default `#0969da`).
 * @cssproperty --cr-color-hover - Hovered buttons.
 * @cssproperty --cr-font-family - Font (default `system-ui, sans-serif`).
 * @cssproperty --cr-radius - Corner radius (default `10px`).
 * @cssproperty --cr-space - Base spacing unit (default `12px`; dialogs use two thirds of it).
 */
export class DashboardSettings extends StoreDialogElement {
  static override styles = [themeStyles, dialogBaseStyles, dashboardSettingsStyles];

  /** The dashboard to manage; replaced by the saved version after each change. */
  @property({ attribute: false }) dashboard: Dashboard | null = null;
  #state: SettingsState = initialState(null, '');

  #set(change: Partial<SettingsState>): void {
    this.#state = { ...this.#state, ...change };
    this.requestUpdate();
  }

  #focusTarget: string | null = null;

  get #canRename(): boolean {
    return this.store !== null && this.dashboard !== null && this.user !== null && canEditDashboard(this.dashboard, this.user);
  }

  get #canShare(): boolean {
    return this.store !== null && this.dashboard !== null && this.user !== null && canChangeSharing(this.dashboard, this.user);
  }

  get #canDelete(): boolean {
    return this.store !== null && this.dashboard !== null && this.user !== null && canDeleteDashboard(this.dashboard, this.user);
  }

  /** The user's teams, plus the dashboard's own team if the user has left it, so the choice shows what is stored. */
  get #teams(): Team[] {
    const teams = teamsOf(this.user, this.teams);
    const current = this.dashboard?.teamId;
    if (current && !teams.some((team) => team.id === current))
      teams.push({ id: current, name: this.teams?.find((team) => team.id === current)?.name || current });
    return teams;
  }

  protected override namesScope(): { except?: string | undefined; skip?: boolean } {
    return { except: this.dashboard?.id, skip: !this.dashboard || !this.#canRename };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const opening = changed.has('open') && this.open && !this.modal.isOpen;
    const otherDashboard = changed.has('dashboard') && changed.get('dashboard')?.id !== this.dashboard?.id;
    if (opening || otherDashboard) this.#reset();
  }

  protected override dialogShown(): void {
    this.#focusTarget = this.#canRename ? '#name' : '[part="close-button"]';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusTarget !== null && this.modal.isOpen) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusTarget)?.focus();
      this.#focusTarget = null;
    }
  }

  /** Fields start from the stored dashboard on each opening; a half-typed name from last time would mislead. */
  #reset(): void {
    const dashboard = this.dashboard;
    this.#set(initialState(dashboard, dashboard?.teamId ?? this.#teams[0]?.id ?? ''));
  }

  #privacyText(dashboard: Pick<Dashboard, 'privacy' | 'teamId'>): string {
    if (dashboard.privacy !== 'team') return this.t(`dashboards.privacy.current.${dashboard.privacy}`);
    const team = this.#teams.find((t) => t.id === dashboard.teamId)?.name ?? dashboard.teamId ?? '';
    return this.t('dashboards.privacy.current.team', { team });
  }

  /** Saves `next` and reports it; on failure the error is shown and the user's input stays. */
  async #save(next: Dashboard, reason: 'rename' | 'privacy'): Promise<Dashboard | null> {
    const { store, user } = this;
    if (!store || !user) return null;
    this.#set({ busy: reason, failure: null, status: '' });
    try {
      const saved = await store.save(next, user);
      this.dashboard = saved;
      this.dispatchEvent(new DashboardChangeEvent({ dashboardId: saved.id, dashboard: saved, reason }));
      return saved;
    } catch (error) {
      this.#fail(error);
      return null;
    } finally {
      this.#set({ busy: null });
    }
  }

  #fail(error: unknown): void {
    const message = storeErrorMessage(this.resolvedLocale, error);
    this.#set({ failure: { error } });
    this.dispatchEvent(new DataErrorEvent({ error, message, phase: 'store' }));
  }

  async #rename(event: Event): Promise<void> {
    event.preventDefault();
    const dashboard = this.dashboard;
    if (this.#state.busy || !dashboard || !this.#canRename) return;
    this.#set({ nameEdited: true });
    if (validateDashboardName(this.#state.name, this.knownNames) !== null) {
      this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus();
      return;
    }
    const name = cleanDashboardName(this.#state.name);
    const saved = await this.#save({ ...dashboard, name }, 'rename');
    if (saved) {
      this.#set({ name: saved.name, status: this.t('dashboards.settings.renamed', { name: saved.name }) });
    }
  }

  async #savePrivacy(event: Event): Promise<void> {
    event.preventDefault();
    const dashboard = this.dashboard;
    if (this.#state.busy || !dashboard || !this.#canShare) return;
    const { teamId: _previous, ...rest } = dashboard;
    const next: Dashboard = this.#state.privacy === 'team' ? { ...rest, privacy: 'team', teamId: this.#state.teamId } : { ...rest, privacy: this.#state.privacy };
    const saved = await this.#save(next, 'privacy');
    if (saved) this.#set({ status: this.t('dashboards.settings.privacySaved', { privacy: this.#privacyText(saved) }) });
  }

  #askDelete(): void {
    this.#set({ view: 'confirm-delete', failure: null, status: '' });
    this.#focusTarget = '[part="cancel-delete-button"]';
  }

  #cancelDelete(): void {
    this.#set({ view: 'main', failure: null });
    this.#focusTarget = '[part="delete-button"]';
  }

  async #confirmDelete(): Promise<void> {
    const { store, user, dashboard } = this;
    if (this.#state.busy || !store || !user || !dashboard || !this.#canDelete) return;
    // Asked before acting: a host's preventDefault() keeps the dashboard (the dialog goes back to its main view).
    if (!this.dispatchEvent(new DashboardDeleteEvent(dashboard))) {
      this.#cancelDelete();
      return;
    }
    this.#set({ busy: 'delete', failure: null });
    try {
      await store.delete(dashboard.id, user);
    } catch (error) {
      this.#set({ busy: null });
      this.#fail(error);
      return;
    }
    this.#set({ busy: null });
    this.dispatchEvent(new DashboardDeletedEvent(dashboard.id));
    await this.hide();
  }

  protected override render(): TemplateResult {
    const dashboard = this.dashboard;
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby=${dashboard ? 'subtitle' : nothing} @close=${this.modal.handleClose}>
      <header class="header" part="header">
        <div>
          <h2 id="title" part="title">${this.t('dashboards.settings.title')}</h2>
          ${dashboard ? html`<p id="subtitle" class="step">${this.t('dashboards.settings.subtitle', { name: dashboard.name })}</p>` : nothing}
        </div>
        <button type="button" part="close-button" @click=${() => void this.hide()}>${this.t('common.close')}</button>
      </header>
      ${!dashboard
        ? html`<div class="body"><p>${this.t('dashboards.settings.noDashboard')}</p></div>`
        : this.#state.view === 'confirm-delete'
          ? this.#renderConfirm(dashboard)
          : this.#renderMain(dashboard)}
    </dialog>`;
  }

  #renderMessages(): TemplateResult {
    return html`<p part="status" class="status" role="status">${this.#state.status}</p>
      ${this.#state.failure
        ? html`<p part="error" class="error" role="alert">${storeErrorMessage(this.resolvedLocale, this.#state.failure.error)}</p>`
        : nothing}`;
  }

  #renderMain(dashboard: Dashboard): TemplateResult {
    const readOnly = !this.#canRename && !this.#canShare && !this.#canDelete;
    return html`<div class="body settings">
      ${this.#renderMessages()}
      ${readOnly
        ? html`<p class="note">${this.store ? this.t('dashboards.settings.readOnly') : this.t('dashboards.settings.noStore')}</p>`
        : nothing}
      ${this.#canRename ? this.#renderRename() : nothing}
      <section aria-labelledby="privacy-heading">
        <h3 id="privacy-heading">${this.t('dashboards.settings.privacyHeading')}</h3>
        ${this.#canShare
          ? html`<form novalidate @submit=${this.#savePrivacy}>
              ${renderPrivacyFields({ id: 'privacy', choice: this.#state, teams: this.#teams, t: this.t, onChange: (change) => this.#set(change) })}
              <button type="submit" class="primary" part="privacy-button" aria-disabled=${this.#state.busy ? 'true' : 'false'}>
                ${this.#state.busy === 'privacy' ? this.t('dashboards.settings.saving') : this.t('dashboards.settings.savePrivacy')}
              </button>
            </form>`
          : html`<p part="sharing">${this.t('dashboards.settings.sharedWith', { privacy: this.#privacyText(dashboard) })}</p>`}
      </section>
      ${this.#canDelete
        ? html`<section aria-labelledby="delete-heading">
            <h3 id="delete-heading">${this.t('dashboards.settings.deleteHeading')}</h3>
            <p class="note">${this.t('dashboards.settings.deleteText')}</p>
            <button type="button" class="danger" part="delete-button" @click=${this.#askDelete}>
              ${this.t('dashboards.settings.delete')}
            </button>
          </section>`
        : nothing}
    </div>`;
  }

  #renderRename(): TemplateResult {
    const problem = validateDashboardName(this.#state.name, this.knownNames);
    return html`<section aria-labelledby="rename-heading">
      <h3 id="rename-heading">${this.t('dashboards.settings.renameHeading')}</h3>
      <form class="rename" novalidate @submit=${this.#rename}>
        ${renderNameField({
          id: 'name',
          value: this.#state.name,
          problem,
          showProblem: this.#state.nameEdited,
          note: this.namesNote(),
          t: this.t,
          onInput: (value) => {
            this.#set({ name: value, nameEdited: true });
          },
        })}
        <button type="submit" class="primary" part="rename-button" aria-disabled=${this.#state.busy ? 'true' : 'false'}>
          ${this.#state.busy === 'rename' ? this.t('dashboards.settings.saving') : this.t('dashboards.settings.rename')}
        </button>
      </form>
    </section>`;
  }

  #renderConfirm(dashboard: Dashboard): TemplateResult {
    const deleting = this.#state.busy === 'delete';
    return html`<div class="body confirm" role="group" aria-labelledby="confirm-heading">
        <h3 id="confirm-heading">${this.t('dashboards.settings.confirmHeading', { name: dashboard.name })}</h3>
        <p>${this.t('dashboards.settings.confirmText')}</p>
        ${this.#renderMessages()}
      </div>
      <footer class="footer">
        <button type="button" part="cancel-delete-button" @click=${this.#cancelDelete}>${this.t('common.cancel')}</button>
        <button
          type="button"
          class="danger"
          part="confirm-delete-button"
          aria-disabled=${deleting ? 'true' : 'false'}
          @click=${this.#confirmDelete}
        >
          ${deleting ? this.t('dashboards.settings.deleting') : this.t('dashboards.settings.confirmDelete')}
        </button>
      </footer>`;
  }
}

// Its texts come with it: the English section is in this chunk, the others load for the languages in use.
addCatalogPart('dashboards', dashboards);
if (!customElements.get('dashboard-settings')) customElements.define('dashboard-settings', DashboardSettings);

declare global {
  interface HTMLElementTagNameMap {
    'dashboard-settings': DashboardSettings;
  }
}
