import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Draft } from './editor-draft.ts';
import type { EditorParts } from './editor-parts.ts';

/** The report's name: a heading button that turns into a text field; Enter keeps the edit, Escape undoes it. */
export class NameField {
  readonly #parts: EditorParts;

  constructor(parts: EditorParts) {
    this.#parts = parts;
  }

  async #startRename(): Promise<void> {
    const { draft } = this.#parts;
    if (!draft.draft) return;
    draft.startRename();
    await this.#parts.focusLater('#name-input');
    this.#parts.host.renderRoot.querySelector<HTMLInputElement>('#name-input')?.select();
  }

  #commit(value: string, refocus: boolean): void {
    this.#parts.draft.commitName(value);
    if (refocus) void this.#parts.focusLater('#name-input, .name-button');
  }

  readonly #onKeydown = (event: KeyboardEvent): void => {
    const input = event.target as HTMLInputElement;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#commit(input.value, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#parts.draft.undoRename();
      void this.#parts.focusLater('#name-input, .name-button');
    }
  };

  readonly #onBlur = (event: FocusEvent): void => {
    if (this.#parts.draft.editingName) this.#commit((event.target as HTMLInputElement).value, false);
  };

  render(draft: Draft): TemplateResult {
    const { t } = this.#parts;
    const error = this.#parts.error('title');
    if (this.#parts.draft.editingName || error)
      return html`<div class="name-field">
        <label class="visually-hidden" for="name-input">${t('editor.name')}</label>
        <input
          id="name-input"
          part="name"
          class="name-input"
          type="text"
          maxlength="200"
          .value=${live(draft.title)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'name-error name-hint' : 'name-hint'}
          @keydown=${this.#onKeydown}
          @blur=${this.#onBlur}
        />
        <span class="visually-hidden" id="name-hint">${t('editor.renameHint')}</span>
        ${error ? html`<p class="error" id="name-error">${error}</p>` : nothing}
      </div>`;
    return html`<h2 class="name">
      <button type="button" part="name" class="name-button" @click=${() => void this.#startRename()}>
        <span class="name-text">${draft.title || t('editor.untitled')}</span>
        <svg viewBox="0 0 20 20" aria-hidden="true"><path d="M4 16l1-4 8-8 3 3-8 8zM12 5l3 3" /></svg>
        <span class="visually-hidden">, ${t('editor.rename')}</span>
      </button>
    </h2>`;
  }
}
