import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { DashboardUser } from '../../../core/schema/dashboard.ts';
import type { DashboardStore } from '../../../store/dashboard-store.ts';
import type { Team } from './team.ts';
import { LocaleController } from '../../../controllers/locale-controller.ts';
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

  /**
   * The names of the user's other dashboards, read from the store on each opening unless
   * `existingNames` gives them or `namesScope()` skips them. A newer read drops the older one.
   */
  readonly #names = new Task(this, {
    task: async ([open, store, user, existingNames, except, skip]) => {
      if (!open || existingNames || !store || !user || skip) return null;
      const dashboards = await store.list(user);
      return dashboards.filter((dashboard) => dashboard.id !== except).map((dashboard) => dashboard.name);
    },
    args: () => {
      const { except, skip } = this.namesScope();
      return [this.open, this.store, this.user, this.existingNames, except, skip] as const;
    },
  });

  /** The native modal `<dialog>` in the shadow root: focus trap, Escape, focus back to the opener. */
  protected readonly modal = new ModalDialogController(
    this,
    () => this.shadowRoot?.querySelector('dialog') ?? null,
    () => {
      this.open = false;
    },
  );

  readonly #i18n = new LocaleController(this, { locale: () => this.locale });

  protected get resolvedLocale(): string {
    return this.#i18n.locale;
  }

  protected readonly t = (key: string, params?: Record<string, string | number>): string => this.#i18n.t(key, params);

  /** Also waits for the locale's catalog, so `await el.updateComplete` sees the texts in that language. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#i18n.updateComplete(super.getUpdateComplete());
  }

  /** Closes the dialog without saving anything; resolves once focus is back with the opener. */
  async hide(): Promise<void> {
    if (this.modal.isOpen) await this.modal.close();
    this.open = false;
    await this.updateComplete;
  }

  /** Which dashboard's name is being edited (`except`), or that no name is asked for (`skip`). */
  protected namesScope(): { except?: string | undefined; skip?: boolean } {
    return {};
  }

  /** The names a new name must differ from: `existingNames`, else those read from the store (none until read). */
  protected get knownNames(): readonly string[] {
    return this.existingNames ?? (this.#names.status === TaskStatus.COMPLETE ? this.#names.value : null) ?? [];
  }

  /** Once the names being read are in: the names, or `[]` when the store failed (the name is then not checked). */
  protected async settledNames(): Promise<readonly string[]> {
    const names = await this.#names.taskComplete.catch(() => null);
    return this.existingNames ?? names ?? [];
  }

  /** Under the name field when the names could not be read: the name is then not checked for duplicates. */
  protected namesNote(): string | null {
    if (this.#names.status !== TaskStatus.ERROR) return null;
    return this.t('dashboards.name.unchecked', { message: storeErrorMessage(this.resolvedLocale, this.#names.error) });
  }
}
