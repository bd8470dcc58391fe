import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { onDemand } from '../../core/on-demand.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { TileAction, TileMenu, TileMenuState } from './tile-menu.ts';
import type { TileText } from './tile-text.ts';

/** The menu's items, their rendering and keys: only an open menu needs them. */
const tileMenuPart = onDemand(() => import('./tile-menu.ts'));

/**
 * A tile's Actions button, as the first paint shows it; the menu behind it loads on the first open
 * (click, Enter, Space, ArrowDown or ArrowUp on the button), then opens as it always does.
 */
export class TileMenuButton {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #menu: TileMenu | undefined;
  #opening: Promise<unknown> = Promise.resolve();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  /** Settles once the menu last asked for is open with an item focused (or closed), its code loaded. */
  get opening(): Promise<unknown> {
    return this.#opening.catch(() => undefined);
  }

  close(returnFocus: boolean): void {
    this.#menu?.close(returnFocus);
  }

  #use(act: (menu: TileMenu) => Promise<void>): void {
    const menu = this.#menu;
    this.#opening = menu
      ? act(menu)
      : tileMenuPart.load().then(() => {
          // A tile removed while the menu's code came opens nothing (an open menu listens on the document).
          if (this.#host.isConnected) return act((this.#menu ??= new tileMenuPart.value!.TileMenu(this.#host)));
        });
  }

  #keydown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    this.#use((menu) => menu.open(true, event.key === 'ArrowDown' ? 'first' : 'last'));
  }

  render(text: TileText, title: string, spec: ReportSpec, state: () => TileMenuState, run: (action: TileAction) => void): TemplateResult {
    const menu = this.#menu;
    const open = menu?.isOpen() ?? false;
    return html`
      <div part="actions">
        <button
          class="menu-button"
          type="button"
          aria-haspopup="menu"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="menu"
          aria-label=${text.t('tile.actionsFor', { title })}
          @click=${() => this.#use((menu) => menu.toggle(true))}
          @keydown=${(event: KeyboardEvent) => this.#keydown(event)}
        >
          ${text.t('tile.actions')} ▾
        </button>
        ${open ? menu!.render(text, spec, state(), run) : nothing}
      </div>
    `;
  }
}
