/** Test support: a fake clock that jumps to the next timer when nothing else can happen, and a scripted fetch. */
import type { Sleep } from '../request-json.ts';

interface Timer {
  at: number;
  ms: number;
  resolve: () => void;
}

/**
 * Virtual time. Timers fire in order, each as soon as the program has nothing else to do (checked
 * with setImmediate, after every pending promise has settled), so a test waits no real time and a
 * request that hangs times out at once.
 */
export class FakeClock {
  now = 0;
  /** Durations of the waits that ran to their end (backoffs, and timeouts that fired). */
  readonly fired: number[] = [];
  #timers: Timer[] = [];
  #handle: ReturnType<typeof setImmediate> | null = null;

  readonly sleep: Sleep = (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        this.#timers = this.#timers.filter((t) => t !== timer);
        reject(signal.reason);
      };
      const timer: Timer = {
        at: this.now + ms,
        ms,
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.#timers.push(timer);
      signal.addEventListener('abort', onAbort, { once: true });
      this.#schedule();
    });

  #schedule(): void {
    if (this.#handle !== null) return;
    this.#handle = setImmediate(() => {
      this.#handle = null;
      // A second turn, so that work started by the last microtasks (a fetch's body) settles too.
      setImmediate(() => {
        if (this.#handle !== null || this.#timers.length === 0) return;
        this.#timers.sort((a, b) => a.at - b.at);
        const timer = this.#timers.shift()!;
        this.now = Math.max(this.now, timer.at);
        this.fired.push(timer.ms);
        timer.resolve();
        if (this.#timers.length > 0) this.#schedule();
      });
    });
  }
}

export interface FetchCall {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** What the script answers: a response, a thrown network error, or 'hang' (never answers until aborted). */
export type Reply = Response | Error | 'hang';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** A fetch that answers from a script and records every call. */
export function scriptedFetch(script: (call: FetchCall, index: number) => Reply | Promise<Reply>): { fetch: typeof fetch; calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  const fetchFn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: FetchCall = {
      url: new URL(String(input instanceof Request ? input.url : input)),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const signal = call.signal;
    if (signal?.aborted) throw signal.reason;
    const reply = await script(call, calls.length - 1);
    if (reply === 'hang')
      return new Promise<Response>((_resolve, reject) => {
        if (!signal) return;
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    if (reply instanceof Error) throw reply;
    if (signal?.aborted) throw signal.reason;
    return reply;
  };
  return { fetch: fetchFn as typeof fetch, calls };
}
