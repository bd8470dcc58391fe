import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { ControlId, Draft } from './editor-draft.ts';
import type { EditorParts } from './editor-parts.ts';
import { FilterApplyEvent } from './events/filter-apply-event.ts';
import { FilterChangeEvent } from './events/filter-change-event.ts';
import { FilterDiscardEvent } from './events/filter-discard-event.ts';
import './filter-panel.ts';

/**
 * The Filters button above the preview, and under it either the open `<cr-filter-panel>` or the
 * applied criteria in words. Acts on the panel's events: keeps its criteria in the draft controller,
 * applies them (vetoing `filter-apply` when a criterion has a problem) and closes it.
 *
 * It hears them on the editor's shadow root, as they bubble up from the panel: a listener on the
 * panel itself has had its say by then, and one that called `preventDefault()` is obeyed.
 */
export class FilterArea implements ReactiveController {
  readonly #parts: EditorParts;
  /** Moves focus to the first revealed problem (switching tabs if need be). */
  readonly #focusFirstProblem: () => Promise<void>;

  constructor(parts: EditorParts, focusFirstProblem: () => Promise<void>) {
    this.#parts = parts;
    this.#focusFirstProblem = focusFirstProblem;
    parts.host.addController(this);
  }

  hostConnected(): void {
    const root = this.#parts.host.renderRoot;
    root.addEventListener(FilterChangeEvent.type, this.#onChange as EventListener);
    root.addEventListener(FilterApplyEvent.type, this.#onApply as EventListener);
    root.addEventListener(FilterDiscardEvent.type, this.#onDiscard);
  }

  hostDisconnected(): void {
    const root = this.#parts.host.renderRoot;
    root.removeEventListener(FilterChangeEvent.type, this.#onChange as EventListener);
    root.removeEventListener(FilterApplyEvent.type, this.#onApply as EventListener);
    root.removeEventListener(FilterDiscardEvent.type, this.#onDiscard);
  }

  #open(): void {
    if (!this.#parts.draft.draft) return;
    this.#parts.draft.openFilters();
    void this.#parts.focusLater('.criterion-search');
  }

  #close(): void {
    this.#parts.draft.closeFilters();
    void this.#parts.focusLater('.filters-button');
  }

  readonly #onChange = (event: FilterChangeEvent): void => {
    if (!event.defaultPrevented) this.#parts.draft.setPending(event.detail.criteria);
  };

  readonly #onApply = (event: FilterApplyEvent): void => {
    const { draft, t } = this.#parts;
    if (event.defaultPrevented || !draft.draft) return;
    if (draft.applyFilters().length > 0) {
      event.preventDefault();
      void this.#focusFirstProblem();
      return;
    }
    void this.#parts.focusLater('.filters-button');
    this.#parts.announce(t('editor.status.filtersApplied', { count: draft.draft.criteria.length }));
  };

  readonly #onDiscard = (event: Event): void => {
    if (!event.defaultPrevented) this.#close();
  };

  /** The criteria's revealed problems, for the panel. */
  #criteriaErrors(): Map<ControlId, string> {
    const errors = new Map<ControlId, string>();
    for (const { control } of this.#parts.draft.problems) {
      if (!control.startsWith('criterion-') || errors.has(control)) continue;
      const message = this.#parts.error(control);
      if (message) errors.set(control, message);
    }
    return errors;
  }

  render(draft: Draft): TemplateResult {
    const { t, words } = this.#parts;
    const open = this.#parts.draft.filtersOpen;
    const catalog = this.#parts.catalog();
    // The applied criteria in words, so the preview's filters stay in sight with the panel closed.
    const summary = open ? '' : words.describeCriteria(draft.criteria);
    return html`<div class="toolbar">
        <button
          type="button"
          part="filters-button"
          class="filters-button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${open ? 'filter-panel' : nothing}
          @click=${() => (open ? this.#close() : this.#open())}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true"><path d="M3 4h14l-5.5 6.5V16l-3 1.5v-7z" /></svg>
          ${draft.criteria.length > 0 ? t('editor.filters.count', { count: draft.criteria.length }) : t('editor.filters')}
        </button>
      </div>
      ${open
        ? html`<cr-filter-panel
            .criteria=${this.#parts.draft.pending}
            .catalog=${catalog}
            .searchOptions=${words.searchOptions(catalog.filter((info) => info.operators.length > 0))}
            .errors=${this.#criteriaErrors()}
            .t=${t}
            .words=${words}
          ></cr-filter-panel>`
        : summary
          ? html`<p class="filter-summary" part="filter-summary">${summary}</p>`
          : nothing}`;
  }
}
