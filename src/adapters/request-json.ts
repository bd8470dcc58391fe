import { raceAbort } from './data-source.ts';
import { HttpRequestError, describeUrl } from './errors.ts';
import { fetchWithoutRedirects, RedirectRefusedError } from './fetch-without-redirects.ts';

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface HttpOptions {
  /** Defaults to the global `fetch`. Tests and hosts with their own client inject one. */
  fetch?: typeof fetch;
  /** Per request, body included. Default 15 000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt, only for network errors, timeouts, 5xx and 429. Default 3. */
  retries?: number;
  /** First backoff step; it doubles per retry, with jitter. Default 500 ms. */
  backoffMs?: number;
  /** Ceiling of one backoff step. Default 30 000 ms. */
  maxBackoffMs?: number;
  /** A `Retry-After` longer than this fails at once rather than holding the page that long. Default 120 000 ms. */
  maxRetryAfterMs?: number;
  /** Timer for timeouts and backoff; inject a fake clock in tests. */
  sleep?: Sleep;
  /** In [0, 1); the jitter source. */
  random?: () => number;
  /** Epoch ms, to read a `Retry-After` given as an HTTP date. */
  now?: () => number;
}

export interface ResolvedHttpOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxBackoffMs: number;
  maxRetryAfterMs: number;
  sleep: Sleep;
  random: () => number;
  now: () => number;
}

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

function nonNegative(name: string, value: number | undefined, fallback: number, integer = false): number {
  const resolved = value ?? fallback;
  if (!Number.isFinite(resolved) || resolved < 0 || (integer && !Number.isInteger(resolved)))
    throw new RangeError(`${name} must be a ${integer ? 'whole ' : ''}number ≥ 0, got ${String(value)}`);
  return resolved;
}

export function resolveHttpOptions(options: HttpOptions = {}): ResolvedHttpOptions {
  return {
    // Looked up per call, so a fetch replaced after the source was made (polyfills, test stubs) is used.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: nonNegative('timeoutMs', options.timeoutMs, 15_000),
    retries: nonNegative('retries', options.retries, 3, true),
    backoffMs: nonNegative('backoffMs', options.backoffMs, 500),
    maxBackoffMs: nonNegative('maxBackoffMs', options.maxBackoffMs, 30_000),
    maxRetryAfterMs: nonNegative('maxRetryAfterMs', options.maxRetryAfterMs, 120_000),
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  };
}

export interface JsonRequest {
  url: URL;
  method?: 'GET' | 'POST';
  body?: string;
  /** Called before every attempt, so a token refreshed between retries is the one sent. */
  headers?: (attempt: number) => HeadersInit | undefined | Promise<HeadersInit | undefined>;
  /**
   * 'bytes' hands the body back as an ArrayBuffer (a CSV file in any encoding); 'json-or-arrow'
   * does so only when the answer's Content-Type is Apache Arrow (see `isArrowContentType`), else
   * parses JSON. Default 'json'.
   */
  responseType?: 'json' | 'bytes' | 'json-or-arrow';
}

export interface JsonResponse {
  body: unknown;
  response: Response;
  attempts: number;
}

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Apache Arrow's media types: `application/vnd.apache.arrow.stream` and `.file`. */
export function isArrowContentType(value: string | null): boolean {
  return value !== null && /^\s*application\/vnd\.apache\.arrow\.(stream|file)\s*(;|$)/i.test(value);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * The body read, or the abort: a fetch that does not tie its body to the signal (polyfills, test
 * doubles) would otherwise let a stalled body outlive the timeout.
 */
function untilAborted<T>(reading: Promise<T>, response: Response, signal: AbortSignal): Promise<T> {
  return raceAbort(reading, signal, () => void response.body?.cancel(signal.reason).catch(() => {}));
}

class Retryable {
  constructor(
    readonly error: HttpRequestError,
    readonly retryAfterMs: number | null,
  ) {}
}

/** Longest server reason kept in an error message: it is untrusted text shown to the user. */
const MAX_REASON = 300;

/**
 * The reason a JSON error answer gives (`{ error: { message } }`, `{ error: "…" }` or
 * `{ message: "…" }`), as one line of at most MAX_REASON characters; null when there is none.
 */
async function errorReason(response: Response, signal: AbortSignal): Promise<string | null> {
  if (!/\bjson\b/i.test(response.headers.get('Content-Type') ?? '')) {
    void response.body?.cancel().catch(() => {});
    return null;
  }
  let body: unknown;
  try {
    body = JSON.parse(await untilAborted(response.text(), response, signal));
  } catch {
    return null;
  }
  const record = (value: unknown) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined);
  const error = record(body)?.error;
  const reason = [record(error)?.message, error, record(body)?.message].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (reason === undefined) return null;
  // Control characters (line breaks, bidi overrides) could make the message lie about its shape.
  const line = reason.replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ').trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}

/**
 * One attempt: fetch and read the body under one timeout, linked to the caller's signal. Resolves
 * with the parsed body, or a Retryable for the failures worth another try; throws the rest.
 */
async function attempt(request: JsonRequest, options: ResolvedHttpOptions, signal: AbortSignal, index: number): Promise<JsonResponse | Retryable> {
  const where = describeUrl(request.url);
  const controller = new AbortController();
  const timer = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  options.sleep(options.timeoutMs, timer.signal).then(
    () => {
      timedOut = true;
      controller.abort(new DOMException(`No answer within ${options.timeoutMs} ms.`, 'TimeoutError'));
    },
    () => {},
  );
  const attempts = index + 1;
  try {
    const headers = await request.headers?.(index);
    let response: Response;
    try {
      response = await fetchWithoutRedirects(
        options.fetch,
        request.url,
        {
          method: request.method ?? 'GET',
          ...(headers === undefined ? {} : { headers }),
          ...(request.body === undefined ? {} : { body: request.body }),
          signal: controller.signal,
        },
        where,
      );
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      // Not retried: the server will redirect again, and following it is what must not happen.
      if (error instanceof RedirectRefusedError) throw new HttpRequestError('redirect', where, attempts, error.message, error.status || undefined, { cause: error });
      if (timedOut) return new Retryable(new HttpRequestError('timeout', where, attempts, `${where} gave no answer within ${options.timeoutMs} ms`), null);
      return new Retryable(new HttpRequestError('network', where, attempts, `${where} could not be reached (${(error as Error)?.message ?? String(error)})`, undefined, { cause: error }), null);
    }
    if (!response.ok) {
      const answered = `${where} answered ${response.status} ${response.statusText}`.trim();
      if (!isRetryableStatus(response.status)) {
        // A refusal is final, so its reason is worth the read: the user sees what the server said.
        const reason = await errorReason(response, controller.signal);
        if (signal.aborted) throw signal.reason;
        throw new HttpRequestError('status', where, attempts, reason === null ? answered : `${answered}: ${reason}`, response.status);
      }
      // The body of an answer that will be retried is not needed; cancelling frees the connection.
      void response.body?.cancel().catch(() => {});
      return new Retryable(new HttpRequestError('status', where, attempts, answered, response.status), parseRetryAfter(response.headers.get('Retry-After'), options.now()));
    }
    let text: string;
    try {
      const bytes = request.responseType === 'bytes' || (request.responseType === 'json-or-arrow' && isArrowContentType(response.headers.get('Content-Type')));
      if (bytes) return { body: await untilAborted(response.arrayBuffer(), response, controller.signal), response, attempts };
      text = await untilAborted(response.text(), response, controller.signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (timedOut) return new Retryable(new HttpRequestError('timeout', where, attempts, `${where} did not finish its answer within ${options.timeoutMs} ms`), null);
      return new Retryable(new HttpRequestError('network', where, attempts, `${where} broke off its answer`, undefined, { cause: error }), null);
    }
    try {
      return { body: text === '' ? null : JSON.parse(text), response, attempts };
    } catch (error) {
      throw new HttpRequestError('invalid-json', where, attempts, `${where} answered with something that is not JSON`, response.status, { cause: error });
    }
  } finally {
    timer.abort();
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * GETs (or POSTs) JSON with a timeout per attempt and up to `retries` retries on network errors,
 * timeouts, 5xx and 429, waiting a jittered exponential backoff or the server's `Retry-After`.
 * Aborting `signal` stops at once with its reason. Other failures throw an HttpRequestError.
 */
export async function requestJson(request: JsonRequest, options: ResolvedHttpOptions, signal: AbortSignal): Promise<JsonResponse> {
  for (let index = 0; ; index++) {
    if (signal.aborted) throw signal.reason;
    const result = await attempt(request, options, signal, index);
    if (!(result instanceof Retryable)) return result;
    if (index >= options.retries) throw result.error;
    let delay: number;
    if (result.retryAfterMs !== null) {
      if (result.retryAfterMs > options.maxRetryAfterMs) {
        const { error } = result;
        throw new HttpRequestError(
          'retry-after-too-long',
          error.url,
          error.attempts,
          `${error.message}, asking to wait ${Math.ceil(result.retryAfterMs / 1000)} s (more than the ${Math.round(options.maxRetryAfterMs / 1000)} s allowed)`,
          error.status,
        );
      }
      delay = result.retryAfterMs;
    } else {
      // "Equal jitter": half the step is fixed so the wait still grows, half is random so that
      // clients failing together do not retry together.
      const step = Math.min(options.maxBackoffMs, options.backoffMs * 2 ** index);
      delay = step / 2 + options.random() * (step / 2);
    }
    await options.sleep(delay, signal);
  }
}
