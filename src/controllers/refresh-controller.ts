import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatElapsed, nextElapsedChange } from '../i18n/elapsed.ts';
import { pageVisible, type Clock } from './clock.ts';

/** Failed refreshes wait twice as long each time, up to this (or the interval, when that is longer). */
export const MAX_REFRESH_BACKOFF_MS = 15 * 60_000;

export interface RefreshOptions {
  /** The clock and timers to use (read on every use: the host may swap it). */
  clock: () => Clock;
  /** Seconds between refreshes; null, 0 or less: no automatic refresh (the Refresh button still works). */
  interval: () => number | null;
  /**
   * Re-reads the data in the background. Its outcome is reported by the host through
   * {@link RefreshController.succeeded} / {@link RefreshController.failed}, which also covers loads
   * started otherwise (first load, a new range).
   */
  run: () => Promise<void>;
}

/**
 * Keeps a dashboard's data fresh: re-runs `run` every `interval` seconds, waits longer after each
 * failure (doubling, capped), skips turns while the tab is hidden and catches up when it is shown,
 * and says since when the data is fresh ("Updated 3 minutes ago"), re-rendering the host when that
 * text changes. Every timer goes through the injected clock, so tests never wait.
 */
export class RefreshController implements ReactiveController {
  /** When the shown data was last read (clock time), or null before the first good load. */
  updatedAt: number | null = null;
  /** A refresh is running (the shown data stays until it ends). */
  refreshing = false;
  /** Why the last load failed, or null. */
  error: unknown = null;
  /** Failures in a row since the last good load. */
  failures = 0;
  /** When the next automatic refresh is due (clock time), or null when none is planned. */
  dueAt: number | null = null;

  #refreshTimer: unknown = null;
  #tickTimer: unknown = null;
  #connected = false;
  #interval: number | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #options: RefreshOptions;

  constructor(
    host: ReactiveControllerHost,
    options: RefreshOptions,
  ) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#interval = this.#intervalMs();
    this.#plan();
    this.#planTick();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#clearTimers();
  }

  /** The interval may have changed: re-plans from the last load. */
  hostUpdated(): void {
    const interval = this.#intervalMs();
    if (interval === this.#interval) return;
    this.#interval = interval;
    this.#due(this.updatedAt === null ? null : this.updatedAt + (interval ?? 0));
  }

  /** The data was (re)loaded: fresh as of now; the next refresh is one interval away. */
  succeeded(): void {
    const now = this.#clock.now();
    this.updatedAt = now;
    this.error = null;
    this.failures = 0;
    this.refreshing = false;
    this.#due(this.#interval === null ? null : now + this.#interval);
    this.#planTick();
    this.#host.requestUpdate();
  }

  /** A load failed: the shown data stays; the next try waits twice as long as the one before (capped). */
  failed(error: unknown): void {
    this.error = error;
    this.failures++;
    this.refreshing = false;
    this.#due(this.#interval === null ? null : this.#clock.now() + this.retryDelay());
    this.#host.requestUpdate();
  }

  /** How long after a failure the next try waits: the interval doubled per failure in a row, capped. */
  retryDelay(): number {
    const interval = this.#interval ?? 0;
    const cap = Math.max(interval, MAX_REFRESH_BACKOFF_MS);
    return Math.min(cap, interval * 2 ** Math.min(this.failures, 30));
  }

  /** Refreshes now (the Refresh button, or a due timer); does nothing while one is running. */
  refreshNow(): void {
    if (this.refreshing) return;
    this.refreshing = true;
    this.#clearRefreshTimer();
    this.dueAt = null;
    this.#host.requestUpdate();
    this.#options.run().then(
      () => {
        // A run that had nothing to do (no source yet) reports nothing: the flag still drops.
        if (this.refreshing) {
          this.refreshing = false;
          this.#host.requestUpdate();
        }
      },
      (error: unknown) => this.failed(error),
    );
  }

  /** "Updated 3 minutes ago" (or "just now") in `locale`; null before the first good load. */
  elapsed(locale: string): { text: string | null; at: number } | null {
    if (this.updatedAt === null) return null;
    return { text: formatElapsed(this.#clock.now() - this.updatedAt, locale), at: this.updatedAt };
  }

  get #clock(): Clock {
    return this.#options.clock();
  }

  #intervalMs(): number | null {
    const seconds = this.#options.interval();
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
  }

  #due(at: number | null): void {
    this.dueAt = at;
    this.#plan();
  }

  /** Sets the refresh timer for `dueAt`; none while hidden or disconnected (visibility re-plans). */
  #plan(): void {
    this.#clearRefreshTimer();
    if (!this.#connected || this.dueAt === null || !pageVisible() || this.refreshing) return;
    const wait = this.dueAt - this.#clock.now();
    // Fell due while the tab was hidden (or the element away): now, not after one more timer.
    if (wait <= 0) {
      this.refreshNow();
      return;
    }
    this.#refreshTimer = this.#clock.setTimeout(() => {
      this.#refreshTimer = null;
      this.refreshNow();
    }, wait);
  }

  /** Re-renders the host when "Updated … ago" next reads differently. */
  #planTick(): void {
    if (this.#tickTimer !== null) this.#clock.clearTimeout(this.#tickTimer);
    this.#tickTimer = null;
    if (!this.#connected || this.updatedAt === null || !pageVisible()) return;
    const wait = nextElapsedChange(this.#clock.now() - this.updatedAt);
    this.#tickTimer = this.#clock.setTimeout(() => {
      this.#tickTimer = null;
      this.#host.requestUpdate();
      this.#planTick();
    }, wait);
  }

  #clearRefreshTimer(): void {
    if (this.#refreshTimer !== null) this.#clock.clearTimeout(this.#refreshTimer);
    this.#refreshTimer = null;
  }

  #clearTimers(): void {
    this.#clearRefreshTimer();
    if (this.#tickTimer !== null) this.#clock.clearTimeout(this.#tickTimer);
    this.#tickTimer = null;
  }

  /** Hidden: no timers at all. Shown again: a refresh that fell due meanwhile runs at once. */
  readonly #onVisibility = (): void => {
    if (!pageVisible()) {
      this.#clearTimers();
      return;
    }
    this.#host.requestUpdate();
    this.#plan();
    this.#planTick();
  };
}
