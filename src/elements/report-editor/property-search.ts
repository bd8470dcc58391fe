import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { foldText } from './fold-text.ts';

export const PROPERTY_SEARCH_TAG = 'cr-property-search';

export interface SearchOption {
  name: string;
  label: string;
  /** Secondary text: the type and where the property comes from. */
  detail: string;
  group: string;
}

/** Fired when an option is chosen; internal to the editor (does not cross its shadow root). */
export class PropertyPickEvent extends Event {
  static readonly type = 'property-pick';
  constructor(readonly name: string) {
    super(PropertyPickEvent.type, { bubbles: true });
  }
}

let nextId = 0;

export function matchOptions(options: readonly SearchOption[], queryText: string): SearchOption[] {
  const words = foldText(queryText).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => {
    const haystack = foldText(`${option.label} ${option.name} ${option.detail}`);
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * A searchable list of properties: an ARIA 1.2 combobox (text input + listbox, the active option
 * announced through `aria-activedescendant`). Type to filter, arrows to move, Enter to pick, Escape
 * to close. Renders into the light DOM so that it shares the editor's shadow root: its label, its
 * error message and the editor's styles all reach it.
 *
 * @internal
 */
export class PropertySearch extends LitElement {
  @property({ attribute: false }) options: SearchOption[] = [];
  /** The visible label of the input. */
  @property() label = '';
  /** The chosen property's name ('' for none); the input shows its label while not typing. */
  @property() value = '';
  @property() placeholder = '';
  /** Shown when nothing matches; `{query}` is replaced by what was typed. */
  @property({ attribute: false }) noMatch = '';
  @property({ type: Boolean }) invalid = false;
  /** Ids of elements describing the input (e.g. an error message). */
  @property({ attribute: false }) describedBy = '';
  /** Show the whole list as soon as the input gets focus (the "Add property" flow). */
  @property({ type: Boolean, attribute: 'open-on-focus' }) openOnFocus = false;

  @state() private queryText: string | null = null;
  @state() private expanded = false;
  @state() private active = -1;

  @query('input') private input!: HTMLInputElement | null;

  readonly #id = `cr-property-search-${++nextId}`;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  /** Opens the list (after focus, for the "Add property" button). */
  show(): void {
    this.expanded = true;
    this.active = this.#matches().length > 0 ? 0 : -1;
  }

  #matches(): SearchOption[] {
    return matchOptions(this.options, this.queryText ?? '');
  }

  #selectedLabel(): string {
    return this.options.find((option) => option.name === this.value)?.label ?? this.value;
  }

  #pick(option: SearchOption | undefined): void {
    if (!option) return;
    this.queryText = null;
    this.expanded = false;
    this.active = -1;
    this.dispatchEvent(new PropertyPickEvent(option.name));
  }

  #onInput = (event: Event): void => {
    this.queryText = (event.target as HTMLInputElement).value;
    this.expanded = true;
    this.active = this.#matches().length > 0 ? 0 : -1;
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const matches = this.#matches();
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.expanded || this.active < 0) {
          this.expanded = true;
          this.active = matches.length === 0 ? -1 : event.key === 'ArrowDown' ? 0 : matches.length - 1;
          return;
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.active = (this.active + step + matches.length) % matches.length;
        return;
      }
      case 'Home':
      case 'End':
        if (!this.expanded || matches.length === 0) return;
        event.preventDefault();
        this.active = event.key === 'Home' ? 0 : matches.length - 1;
        return;
      case 'Enter':
        if (!this.expanded && this.queryText === null) return;
        event.preventDefault();
        this.#pick(matches[this.active] ?? (matches.length === 1 ? matches[0] : undefined));
        return;
      case 'Escape':
        // Handled here, so the panel around does not close as well.
        if (this.expanded || this.queryText !== null) {
          event.preventDefault();
          event.stopPropagation();
          this.expanded = false;
          this.queryText = null;
          this.active = -1;
        }
        return;
      case 'Tab':
        this.expanded = false;
        return;
    }
  };

  #onFocus = (): void => {
    if (this.openOnFocus) this.show();
  };

  #onBlur = (): void => {
    this.expanded = false;
    this.queryText = null;
    this.active = -1;
  };

  protected override updated(changed: PropertyValues): void {
    if (changed.has('active') && this.active >= 0)
      this.querySelector(`#${this.#id}-option-${this.active}`)?.scrollIntoView?.({ block: 'nearest' });
  }

  protected override render(): TemplateResult {
    const id = this.#id;
    const matches = this.#matches();
    const groups = new Map<string, { option: SearchOption; index: number }[]>();
    matches.forEach((option, index) => {
      const list = groups.get(option.group) ?? [];
      list.push({ option, index });
      groups.set(option.group, list);
    });
    const activeId = this.expanded && this.active >= 0 ? `${id}-option-${this.active}` : '';
    const describedBy = this.describedBy;
    return html`
      <label class="search-label" for=${`${id}-input`}>${this.label}</label>
      <div class="search-box">
        <input
          id=${`${id}-input`}
          class="search-input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.expanded ? 'true' : 'false'}
          aria-controls=${`${id}-listbox`}
          aria-activedescendant=${activeId || nothing}
          aria-invalid=${this.invalid ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          placeholder=${this.placeholder || nothing}
          .value=${live(this.queryText ?? this.#selectedLabel())}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @focus=${this.#onFocus}
          @blur=${this.#onBlur}
          @click=${() => (this.expanded ? undefined : this.show())}
        />
        <div
          id=${`${id}-listbox`}
          class="search-list"
          role="listbox"
          aria-label=${this.label}
          ?hidden=${!this.expanded || matches.length === 0}
          @mousedown=${(event: MouseEvent) => event.preventDefault()}
        >
          ${[...groups].map(
            ([group, entries], g) => html`<div role="group" aria-labelledby=${`${id}-group-${g}`}>
              <div class="search-group" id=${`${id}-group-${g}`} role="presentation">${group}</div>
              ${entries.map(
                ({ option, index }) => html`<div
                  id=${`${id}-option-${index}`}
                  class="search-option"
                  role="option"
                  aria-selected=${index === this.active ? 'true' : 'false'}
                  data-name=${option.name}
                  @click=${() => this.#pick(option)}
                >
                  <span class="option-label">${option.label}</span>
                  <span class="option-detail">${option.detail}</span>
                </div>`,
              )}
            </div>`,
          )}
        </div>
        <div id=${`${id}-status`} class="search-empty" role="status"
          >${this.expanded && matches.length === 0 ? this.noMatch.replace('{query}', this.queryText ?? '') : ''}</div
        >
      </div>
    `;
  }
}

if (!customElements.get('cr-property-search')) customElements.define('cr-property-search', PropertySearch);

declare global {
  interface HTMLElementTagNameMap {
    'cr-property-search': PropertySearch;
  }
}
