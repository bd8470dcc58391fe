import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PropertyInfo } from '../../core/table/properties.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import { buildSpec, isBlank, newCriterion, withBucket, type ControlId, type Criterion, type Draft, type DraftProblem } from './editor-draft.ts';

/** What building a spec needs from the editor, read afresh each time (the catalog follows the data). */
export interface DraftEnvironment {
  catalog(): readonly PropertyInfo[];
  timeZone(): string;
  hasList(name: string): boolean;
}

/**
 * The report being edited and everything about it that is not layout: the draft, the criteria the
 * open filter panel edits, the rename in progress (and the name to go back to on Escape), and which
 * problems have been revealed. Every change asks the host for an update.
 */
export class EditorDraftController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #environment: DraftEnvironment;
  #draft: Draft | null = null;
  /** The criteria being edited in the open filter panel; the draft keeps the applied ones. */
  #pending: Criterion[] = [];
  #filtersOpen = false;
  #editingName = false;
  #nameBefore = '';
  #showProblems = false;
  #showFilterProblems = false;
  #problems: DraftProblem[] = [];

  constructor(host: ReactiveControllerHost, environment: DraftEnvironment) {
    this.#host = host;
    this.#environment = environment;
    host.addController(this);
  }

  get draft(): Draft | null {
    return this.#draft;
  }

  get pending(): readonly Criterion[] {
    return this.#pending;
  }

  get filtersOpen(): boolean {
    return this.#filtersOpen;
  }

  get editingName(): boolean {
    return this.#editingName;
  }

  /** Every problem of the draft as it is now, revealed or not. */
  get problems(): readonly DraftProblem[] {
    return this.#problems;
  }

  /** The criteria the report has now: the open panel's, else the applied ones. */
  get criteria(): readonly Criterion[] {
    return this.#filtersOpen ? this.#pending : (this.#draft?.criteria ?? []);
  }

  hostUpdate(): void {
    // After the host's willUpdate, which may have started a new draft or changed the catalog.
    if (this.#draft) this.#problems = this.build().problems;
  }

  /** Starts over on `draft`: closes the panel and the name field, hides every problem. */
  reset(draft: Draft | null): void {
    this.#draft = draft;
    this.#editingName = false;
    this.#filtersOpen = false;
    this.#pending = [];
    this.#showProblems = false;
    this.#showFilterProblems = false;
    this.#host.requestUpdate();
  }

  edit(patch: Partial<Draft>): void {
    if (!this.#draft) return;
    this.#draft = withBucket({ ...this.#draft, ...patch }, this.#environment.catalog());
    this.#host.requestUpdate();
  }

  build(criteria: readonly Criterion[] = this.criteria): { spec: ReportSpec; problems: DraftProblem[] } {
    const environment = this.#environment;
    return buildSpec(this.#draft!, criteria, environment.catalog(), { timeZone: environment.timeZone(), hasList: (name) => environment.hasList(name) });
  }

  /** The problem to show next to a control, if it has been revealed. */
  visibleProblem(control: ControlId): DraftProblem | undefined {
    const criterion = control.startsWith('criterion-');
    if (!this.#showProblems && !(criterion && this.#showFilterProblems)) return undefined;
    return this.#problems.find((p) => p.control === control);
  }

  /** Reveals every problem, opening the filter panel or the name field where they are, and returns them. */
  validate(): readonly DraftProblem[] {
    const draft = this.#draft;
    if (!draft) return [];
    this.#showProblems = true;
    this.#problems = this.build().problems;
    if (!this.#filtersOpen && this.#problems.some((p) => p.control.startsWith('criterion-'))) {
      this.#pending = structuredClone(draft.criteria);
      this.#filtersOpen = true;
    }
    if (this.#problems.some((p) => p.control === 'title') && !this.#editingName) this.startRename();
    this.#host.requestUpdate();
    return this.#problems;
  }

  // ——— Name ———

  startRename(): void {
    if (!this.#draft) return;
    this.#nameBefore = this.#draft.title;
    this.#editingName = true;
    this.#host.requestUpdate();
  }

  commitName(title: string): void {
    this.edit({ title });
    this.#editingName = false;
    this.#host.requestUpdate();
  }

  /** Escape in the name field: the name it had when the field opened. */
  undoRename(): void {
    this.#editingName = false;
    this.edit({ title: this.#nameBefore });
  }

  // ——— Filter panel ———

  /** Opens the panel on a copy of the applied criteria (one blank criterion when there are none). */
  openFilters(): void {
    if (!this.#draft) return;
    this.#pending = structuredClone(this.#draft.criteria);
    if (this.#pending.length === 0) this.#pending = [newCriterion()];
    this.#filtersOpen = true;
    this.#showFilterProblems = false;
    this.#host.requestUpdate();
  }

  /** Closes the panel, dropping its edits. */
  closeFilters(): void {
    this.#filtersOpen = false;
    this.#pending = [];
    this.#showFilterProblems = false;
    this.#host.requestUpdate();
  }

  setPending(criteria: Criterion[]): void {
    this.#pending = criteria;
    this.#host.requestUpdate();
  }

  /**
   * Puts the panel's criteria into the draft and closes it; when some criterion has a problem,
   * reveals the criteria's problems instead, keeps the panel open and returns them.
   */
  applyFilters(): readonly DraftProblem[] {
    if (!this.#draft) return [];
    this.#showFilterProblems = true;
    this.#host.requestUpdate();
    const problems = this.build(this.#pending).problems.filter((p) => p.control.startsWith('criterion-'));
    if (problems.length > 0) return problems;
    this.edit({ criteria: this.#pending.filter((criterion) => !isBlank(criterion)) });
    this.closeFilters();
    return [];
  }

  /**
   * The spec to save, once `validate()` found nothing: the open panel's criteria are applied and
   * closed, the name field closed, and problems hidden again.
   */
  takeForSave(): ReportSpec {
    const spec = this.build().spec;
    if (this.#filtersOpen) {
      this.edit({ criteria: this.#pending.filter((criterion) => !isBlank(criterion)) });
      this.#filtersOpen = false;
      this.#pending = [];
    }
    this.#showProblems = false;
    this.#showFilterProblems = false;
    this.#editingName = false;
    this.#host.requestUpdate();
    return spec;
  }
}
