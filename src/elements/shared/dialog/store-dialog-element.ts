import { property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { DashboardUser } from '../../../core/schema/dashboard.ts';
import type { DashboardStore } from '../../../store/dashboard-store.ts';
import type { Team } from './team.ts';
import { ModalDialogElement } from './modal-dialog-element.ts';
import { storeErrorMessage } from './store-error-message.ts';

/**
 * What the dialogs that save dashboards (`<dashboard-wizard>`, `<dashboard-settings>`) share: the
 * store, the user and their teams, the names to check a new name against, and reading the user's
 * dashboard names from the store when the host gives none.
 */
export abstract class StoreDialogElement extends ModalDialogElement {
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
