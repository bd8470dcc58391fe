import { LitElement } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { DashboardUser } from '../../../core/schema/dashboard.ts';
import { resolveLocale, translate } from '../../../i18n/translate.ts';
import type { DashboardStore } from '../../../store/dashboard-store.ts';
import type { Team } from './team.ts';
import { ModalDialogController } from '../../../controllers/modal-dialog-controller.ts';
import { storeErrorMessage } from './store-error-message.ts';

/**
 * What the dialogs that save dashboards (`<dashboard-wizard>`, `<dashboard-settings>`) share: the
 * store, the user and their teams, the names to check a new name against, locale, theme and `open`;
 * the modal `<dialog>` and `hide()`; texts in the chosen locale; and reading the user's dashboard
 * names from the store when the host gives none.
 */
export abstract class StoreDialogElement extends LitElement {
  /** Where dashboards are read and saved. */
  @property({ attribute: false }) store: DashboardStore | null = null;
  /** Who is acting (`{ id, teamIds, canEdit }`): owns what is created, decides which controls show. */
  @property({ attribute: false }) user: DashboardUser | null = null;
  /**
   * Names of teams, `{ id, name }[]`. The team choice lists the user's own teams (`user.teamIds`),
   * named from here when known; without it the ids are shown.
   */
  @property({ attribute: false }) teams: readonly Team[] | null = null;
  /** Names of the user's other dashboards, which a name must differ from; when null they are read from `store.list(user)` on opening. */
  @property({ attribute: false }) existingNames: readonly string[] | null = null;
  /** BCP 47 locale of the texts (default: the browser's). */
  @property() locale: string | undefined;
  /** `light` (default), `dark`, or `auto` (follows the reader's colour scheme). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Whether the dialog is shown. Prefer `show()`/`hide()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The names read from the store (null until read, or when `existingNames` is given). */
  @state() protected loadedNames: readonly string[] | null = null;
  /** Why the names could not be read: the name is then not checked for duplicates. */
  @state() protected namesError: string | null = null;
  #namesRequest = 0;

  @query('dialog') protected dialog!: HTMLDialogElement | null;

  /** The native modal `<dialog>` in the shadow root: focus trap, Escape, focus back to the opener. */
  protected readonly modal = new ModalDialogController(
    this,
    () => this.dialog,
    () => {
      this.open = false;
    },
  );

  protected get resolvedLocale(): string {
    return resolveLocale(this.locale);
  }

  protected readonly t = (key: string, params?: Record<string, string | number>): string => translate(this.resolvedLocale, key, params);

  /** Closes the dialog without saving anything; resolves once focus is back with the opener. */
  async hide(): Promise<void> {
    if (this.modal.isOpen) await this.modal.close();
    this.open = false;
    await this.updateComplete;
  }

  /**
   * Reads the names of the user's dashboards (all but `except`) into `loadedNames`, unless
   * `existingNames` gives them or `skip` says no name will be asked for. Resolves to the names, or
   * to `[]` when the store fails (creating still works; `namesError` says the check was not made).
   */
  protected loadNames(options: { except?: string; skip?: boolean } = {}): Promise<readonly string[]> {
    const request = ++this.#namesRequest;
    this.loadedNames = null;
    this.namesError = null;
    const { store, user } = this;
    if (this.existingNames || !store || !user || options.skip) return Promise.resolve(this.existingNames ?? []);
    return store.list(user).then(
      (dashboards) => {
        const names = dashboards.filter((dashboard) => dashboard.id !== options.except).map((dashboard) => dashboard.name);
        if (request === this.#namesRequest) this.loadedNames = names;
        return names;
      },
      (error: unknown) => {
        if (request === this.#namesRequest) this.namesError = storeErrorMessage(this.resolvedLocale, error);
        return [];
      },
    );
  }
}
