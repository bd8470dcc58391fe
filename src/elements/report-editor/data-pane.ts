import { html, nothing, type TemplateResult } from 'lit';
import { findProperty } from '../../core/table/properties.ts';
import { dateProperties, type DateProperty } from '../../core/schema/report-spec.ts';
import type { Draft } from './editor-draft.ts';
import type { EditorParts } from './editor-parts.ts';
import './property-search.ts';
import type { PropertyPickEvent, PropertySearch } from './property-search.ts';

/** The Data tab: the properties chosen for the report, adding one from the catalog, and the date property. */
export class DataPane {
  readonly #parts: EditorParts;
  /** Called when a chip leaves the report, so nothing else still holds it. */
  readonly #onRemoved: (name: string) => void;
  #adding = false;

  constructor(parts: EditorParts, onRemoved: (name: string) => void) {
    this.#parts = parts;
    this.#onRemoved = onRemoved;
  }

  reset(): void {
    this.#setAdding(false);
  }

  #setAdding(adding: boolean): void {
    this.#adding = adding;
    this.#parts.host.requestUpdate();
  }

  async #startAdding(): Promise<void> {
    this.#setAdding(true);
    await this.#parts.focusLater('.add-search');
    this.#parts.host.renderRoot.querySelector<PropertySearch>('.add-search')?.show();
  }

  readonly #onAddPick = (event: PropertyPickEvent): void => {
    const { draft: controller, t, words } = this.#parts;
    const draft = controller.draft;
    if (!draft) return;
    if (!draft.chips.includes(event.name)) controller.edit({ chips: [...draft.chips, event.name] });
    this.#setAdding(false);
    this.#parts.announce(t('editor.status.added', { property: words.label(event.name) }));
    void this.#parts.focusLater('.add-property');
  };

  #removeChip(name: string): void {
    const { draft: controller, t, words } = this.#parts;
    const draft = controller.draft;
    if (!draft) return;
    const index = draft.chips.indexOf(name);
    controller.edit({
      chips: draft.chips.filter((chip) => chip !== name),
      dimension: draft.dimension === name ? undefined : draft.dimension,
      breakdown: draft.breakdown === name ? undefined : draft.breakdown,
      ...(draft.measureProperty === name ? { measureOp: 'count' as const, measureProperty: undefined } : {}),
    });
    this.#onRemoved(name);
    this.#parts.announce(t('editor.status.removed', { property: words.label(name) }));
    const next = draft.chips.filter((chip) => chip !== name)[Math.max(0, index - 1)];
    void this.#parts.focusLater(next ? `.property-item[data-name="${CSS.escape(next)}"] button` : '.add-property');
  }

  readonly #onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.#setAdding(false);
    void this.#parts.focusLater('.add-property');
  };

  render(draft: Draft): TemplateResult {
    const { t, words } = this.#parts;
    const catalog = this.#parts.catalog();
    const available = catalog.filter((info) => !draft.chips.includes(info.name));
    const dateError = this.#parts.error('dateProperty');
    return html`
      <section class="data" aria-labelledby="data-heading">
        <h3 id="data-heading">${t('editor.data.properties')}</h3>
        ${draft.chips.length === 0
          ? html`<p class="hint">${t('editor.data.empty')}</p>`
          : html`<ul class="property-list">
              ${draft.chips.map((name) => {
                const info = findProperty(catalog, name);
                return html`<li class="property-item" data-name=${name}>
                  <span class="property-name">${words.label(name)}</span>
                  <span class="property-type">${info ? words.typeAndSource(info) : ''}</span>
                  <button type="button" class="remove-property" aria-label=${t('editor.data.remove', { property: words.label(name) })} @click=${() => this.#removeChip(name)}>
                    <span aria-hidden="true">✕</span>
                  </button>
                </li>`;
              })}
            </ul>`}
        <button
          type="button"
          class="add-property"
          aria-expanded=${this.#adding ? 'true' : 'false'}
          aria-controls=${this.#adding ? 'add-search' : nothing}
          @click=${() => (this.#adding ? this.#setAdding(false) : void this.#startAdding())}
        >
          <span aria-hidden="true">+</span> ${t('editor.data.add')}
        </button>
        ${this.#adding
          ? html`<div id="add-search" class="add-search-wrap" @keydown=${this.#onSearchKeydown}>
              <cr-property-search
                class="add-search"
                open-on-focus
                .options=${words.searchOptions(available)}
                .label=${t('editor.data.search')}
                .noMatch=${t('editor.search.noMatch')}
                @property-pick=${this.#onAddPick}
              ></cr-property-search>
            </div>`
          : nothing}
        <div class="field date-property">
          <label for="date-property">${t('editor.data.dateProperty')}</label>
          <select
            id="date-property"
            aria-invalid=${dateError ? 'true' : 'false'}
            aria-describedby=${dateError ? 'date-property-error' : nothing}
            data-problem=${dateError ? 'dateProperty' : nothing}
            @change=${(event: Event) => this.#parts.draft.edit({ dateProperty: (event.target as HTMLSelectElement).value as DateProperty })}
          >
            ${dateProperties.map((name) => html`<option value=${name} .selected=${name === draft.dateProperty}>${words.label(name)}</option>`)}
          </select>
          ${dateError ? html`<p class="error" id="date-property-error">${dateError}</p>` : nothing}
        </div>
      </section>
    `;
  }
}
