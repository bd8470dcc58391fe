import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface MenuControllerOptions<K> {
  /** The open menu's items (`role="menuitem"`), in order, as rendered now. */
  items(): HTMLElement[];
  /** The button that opens the menu for `key`: focus goes back to it when the menu closes by keyboard or a choice. */
  button(key: K): HTMLElement | null | undefined;
  /** Whether a pointer-down with this composed path is inside the menu; anywhere else closes it. Default: inside the host. */
  inside?(path: readonly EventTarget[]): boolean;
  /** Focus an item once the host has rendered the open menu, not after its `updateComplete`: for a host whose `updateComplete` waits for the opening. */
  focusOnRender?: boolean;
}

/**
 * An actions menu (the WAI-ARIA menu button pattern) for a Lit element: which menu is open (`key`:
 * one per tile, one per editor chip…), opening with focus on the first or last item, arrow keys,
 * Home/End, Escape and Tab, closing on a pointer-down elsewhere in the page, and focus back on the
 * menu button. The host renders the button and the menu from `openKey`; the controller re-renders it.
 */
export class MenuController<K = true> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: MenuControllerOptions<K>;
  #open: { key: K } | null = null;
  #rendered: (() => void) | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MenuControllerOptions<K>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether a menu is open (for `key`, when given). */
  isOpen(key?: K): boolean {
    return this.#open !== null && (key === undefined || this.#open.key === key);
  }

  /** The key of the open menu, or null. */
  get openKey(): K | null {
    return this.#open ? this.#open.key : null;
  }

  /** Opens the menu for `key` (closing any other) and, once it is rendered, focuses its first or last item. */
  async open(key: K, focus: 'first' | 'last' = 'first'): Promise<void> {
    if (this.#open === null) document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
    this.#open = { key };
    this.#host.requestUpdate();
    await (this.#options.focusOnRender ? this.#nextRender() : this.#host.updateComplete);
    if (this.#open?.key !== key) return;
    const items = this.#options.items();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  /** Closes the open menu; `returnFocus` puts focus back on its button (after a choice, Escape, or the button again). */
  close(returnFocus: boolean): void {
    const open = this.#open;
    if (!open) return;
    this.#open = null;
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    this.#host.requestUpdate();
    if (!returnFocus) return;
    const button = this.#options.button(open.key);
    if (button) button.focus();
    else void this.#host.updateComplete.then(() => this.#options.button(open.key)?.focus());
  }

  /** The button's click: opens the menu for `key`, or closes it when it is open; settles once an opened menu has its item focused. */
  toggle(key: K, returnFocus = false): Promise<void> {
    if (!this.isOpen(key)) return this.open(key);
    this.close(returnFocus);
    return Promise.resolve();
  }

  /** Keydown on the menu button: the arrows open the menu on its first or last item. */
  buttonKeydown(key: K, event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    void this.open(key, event.key === 'ArrowDown' ? 'first' : 'last');
  }

  /** Keydown on the menu: the arrows, Home and End move between items; Escape closes and returns focus; Tab closes. */
  readonly menuKeydown = (event: KeyboardEvent): void => {
    const items = this.#options.items();
    const root = this.#host.shadowRoot;
    const active = root ? root.activeElement : document.activeElement;
    const index = items.indexOf(active as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(items.length - 1);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        return this.close(true);
      case 'Tab':
        return this.close(false);
    }
  };

  #nextRender(): Promise<void> {
    return new Promise((resolve) => {
      const before = this.#rendered;
      this.#rendered = () => {
        before?.();
        resolve();
      };
    });
  }

  hostUpdated(): void {
    const rendered = this.#rendered;
    this.#rendered = null;
    rendered?.();
  }

  hostDisconnected(): void {
    this.close(false);
  }

  readonly #onDocumentPointerDown = (event: PointerEvent): void => {
    const path = event.composedPath();
    const inside = this.#options.inside ? this.#options.inside(path) : path.includes(this.#host);
    if (!inside) this.close(false);
  };
}
