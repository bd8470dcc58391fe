import { throwIfAborted } from '../data-source.ts';
import type { Sleep } from '../request-json.ts';

/** What HubSpot's rate-limit headers said on one answer; null where a header was missing or unreadable. */
export interface RateLimitHeaders {
  max: number | null;
  remaining: number | null;
  intervalMs: number | null;
  /** `X-HubSpot-RateLimit-Daily-Remaining`: 0 means the portal's day is spent, and waiting seconds will not help. */
  dailyRemaining: number | null;
}

function count(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

export function readRateLimitHeaders(headers: Headers): RateLimitHeaders {
  return {
    max: count(headers, 'X-HubSpot-RateLimit-Max'),
    remaining: count(headers, 'X-HubSpot-RateLimit-Remaining'),
    intervalMs: count(headers, 'X-HubSpot-RateLimit-Interval-Milliseconds'),
    dailyRemaining: count(headers, 'X-HubSpot-RateLimit-Daily-Remaining'),
  };
}

/** HubSpot's smallest burst limit (a private app on a free or Starter portal): 100 requests per 10 s. */
const DEFAULT_MAX = 100;
const DEFAULT_INTERVAL_MS = 10_000;

/**
 * Paces requests under HubSpot's rolling window (`TEN_SECONDLY_ROLLING`). It keeps the start times
 * of its own requests over the last interval and lets a new one start only while they number fewer
 * than `max × (1 − reserve)`; the reserve absorbs latency (HubSpot counts a request when it
 * arrives, later than we started it) and the portal's other users of the same app. `max` and the
 * interval come from the `X-HubSpot-RateLimit-*` headers as answers arrive. A `Remaining` of 0 that
 * our own log does not explain (another tab, another integration), or a 429, holds every request
 * for a whole interval (or the `Retry-After`), which is when a rolling window has surely freed up.
 */
export class RateLimiter {
  #max = DEFAULT_MAX;
  #intervalMs = DEFAULT_INTERVAL_MS;
  #sent: number[] = [];
  #blockedUntil = Number.NEGATIVE_INFINITY;
  #sleepers = 0;
  readonly #reserve: number;

  readonly #sleep: Sleep;
  readonly #now: () => number;

  constructor(
    sleep: Sleep,
    now: () => number,
    options: { reserve?: number; onWaitingChange?: (waiting: boolean) => void } = {},
  ) {
    this.#sleep = sleep;
    this.#now = now;
    this.#reserve = options.reserve ?? 0.1;
    if (!(this.#reserve >= 0 && this.#reserve < 1)) throw new RangeError(`the rate-limit reserve must be in [0, 1), got ${options.reserve}`);
    this.onWaitingChange = options.onWaitingChange;
  }

  onWaitingChange: ((waiting: boolean) => void) | undefined;

  /** True while some request waits for the window to free up. */
  get waiting(): boolean {
    return this.#sleepers > 0;
  }

  get intervalMs(): number {
    return this.#intervalMs;
  }

  get budget(): number {
    return Math.max(1, Math.floor(this.#max * (1 - this.#reserve)));
  }

  #prune(now: number): void {
    const edge = now - this.#intervalMs;
    let drop = 0;
    while (drop < this.#sent.length && this.#sent[drop]! <= edge) drop++;
    if (drop > 0) this.#sent.splice(0, drop);
  }

  /** Resolves when one more request may start (and counts it); rejects with the signal's reason on abort. */
  async acquire(signal: AbortSignal): Promise<void> {
    for (;;) {
      throwIfAborted(signal);
      const now = this.#now();
      this.#prune(now);
      const budget = this.budget;
      let wait = 0;
      if (this.#blockedUntil > now) wait = this.#blockedUntil - now;
      else if (this.#sent.length >= budget) wait = this.#sent[this.#sent.length - budget]! + this.#intervalMs - now;
      if (wait <= 0) {
        this.#sent.push(now);
        return;
      }
      if (this.#sleepers++ === 0) this.onWaitingChange?.(true);
      try {
        await this.#sleep(wait, signal);
      } finally {
        if (--this.#sleepers === 0) this.onWaitingChange?.(false);
      }
    }
  }

  /** Learns from an answer's headers. */
  observe(limits: RateLimitHeaders): void {
    if (limits.max !== null && limits.max > 0) this.#max = limits.max;
    if (limits.intervalMs !== null && limits.intervalMs > 0) this.#intervalMs = limits.intervalMs;
    if (limits.remaining === 0) this.#block(this.#intervalMs);
  }

  /** A 429: nothing starts before `retryAfterMs` (when HubSpot said) or a whole interval has passed. */
  limited(retryAfterMs: number | null): void {
    this.#block(retryAfterMs ?? this.#intervalMs);
  }

  #block(ms: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, this.#now() + ms);
  }
}

/**
 * How many threads' messages are read at once, additive-increase / multiplicative-decrease as TCP
 * does: halved on a 429, one more after a run of answers as long as the limit while the pacer is
 * not the bottleneck (more requests in flight only help while the round trip is).
 */
export class AdaptiveConcurrency {
  #limit: number;
  #streak = 0;

  constructor(
    initial: number,
    readonly ceiling: number,
  ) {
    this.#limit = Math.max(1, Math.min(initial, ceiling));
  }

  get limit(): number {
    return this.#limit;
  }

  limited(): void {
    this.#limit = Math.max(1, Math.floor(this.#limit / 2));
    this.#streak = 0;
  }

  succeeded(paced: boolean): void {
    if (paced) {
      this.#streak = 0;
      return;
    }
    if (++this.#streak >= this.#limit) {
      this.#streak = 0;
      this.#limit = Math.min(this.ceiling, this.#limit + 1);
    }
  }
}
