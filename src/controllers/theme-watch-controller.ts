import type { ReactiveController, ReactiveElement } from 'lit';

export interface ThemeWatchOptions {
  /** The host's `theme` (`light`, `dark`, `auto`); a change redraws, and under `auto` so does the reader's colour scheme. */
  theme(): string | undefined;
  /** Redraw with the colours the CSS custom properties hold now. */
  changed(): void;
}

/**
 * Page styles may change the `--cr-*` properties at any time (a theme class or `data-theme` on
 * `<html>` or `<body>`, an inline style on the host); charts read colours when drawn, so they are
 * redrawn then. Also when the host's `theme` changes, and under `auto` when the reader's colour
 * scheme does. Watches only while the host is in the page.
 */
export class ThemeWatchController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: ThemeWatchOptions;
  #observer: MutationObserver | undefined;
  #colorScheme: MediaQueryList | undefined;
  /** The theme of the last update; undefined before the first one (which draws anyway). */
  #theme: string | undefined;

  constructor(host: ReactiveElement, options: ThemeWatchOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#options.changed());
    for (const target of [document.documentElement, document.body, this.#host].filter(Boolean))
      this.#observer.observe(target as Node, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    this.#colorScheme = matchMedia('(prefers-color-scheme: dark)');
    this.#colorScheme.addEventListener('change', this.#onColorScheme);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#colorScheme?.removeEventListener('change', this.#onColorScheme);
    this.#colorScheme = undefined;
  }

  hostUpdated(): void {
    const theme = this.#options.theme();
    if (this.#theme !== undefined && theme !== this.#theme) this.#options.changed();
    this.#theme = theme;
  }

  #onColorScheme = (): void => {
    if (this.#options.theme() === 'auto') this.#options.changed();
  };
}
