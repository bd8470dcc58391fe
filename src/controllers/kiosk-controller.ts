import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageVisible, type Clock } from './clock.ts';

export interface KioskOptions {
  clock: () => Clock;
  /** Seconds each dashboard stays on screen; null, 0 or less: no cycling. */
  seconds: () => number | null;
  /** Shows the next dashboard. */
  advance: () => void;
}

/** Reads the `kiosk` attribute: present means kiosk mode; a positive number of seconds also cycles dashboards. */
export function kioskSeconds(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/**
 * Cycles a wall display through its dashboards: `advance` every N seconds of visible time. The
 * timer stops while the tab is hidden and starts a full turn when it is shown again; a change of
 * N (or a dashboard opened by hand) starts a full turn too.
 */
export class KioskController implements ReactiveController {
  #timer: unknown = null;
  #connected = false;
  #seconds: number | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #options: KioskOptions;

  constructor(
    host: ReactiveControllerHost,
    options: KioskOptions,
  ) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#seconds = this.#options.seconds();
    this.restart();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#clear();
  }

  hostUpdated(): void {
    const seconds = this.#options.seconds();
    if (seconds === this.#seconds) return;
    this.#seconds = seconds;
    this.restart();
  }

  /** Starts a full turn from now (or stops, when not cycling, hidden or disconnected). */
  restart(): void {
    this.#clear();
    const seconds = this.#seconds;
    if (!this.#connected || seconds === null || !pageVisible()) return;
    this.#timer = this.#options.clock().setTimeout(() => {
      this.#timer = null;
      this.#options.advance();
      this.restart();
    }, seconds * 1000);
  }

  #clear(): void {
    if (this.#timer !== null) this.#options.clock().clearTimeout(this.#timer);
    this.#timer = null;
  }

  readonly #onVisibility = (): void => this.restart();
}
