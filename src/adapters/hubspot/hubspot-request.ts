import { HttpRequestError, describeUrl } from '../errors.ts';
import { parseRetryAfter, requestJson, type ResolvedHttpOptions } from '../request-json.ts';
import { AdaptiveConcurrency, RateLimiter, readRateLimitHeaders } from './rate-limit.ts';

export interface HubSpotRequestOptions {
  http: ResolvedHttpOptions;
  limiter: RateLimiter;
  concurrency: AdaptiveConcurrency;
  headers?: ((request: { url: URL; attempt: number }) => HeadersInit | undefined | Promise<HeadersInit | undefined>) | undefined;
}

function retryable(error: unknown): boolean {
  return error instanceof HttpRequestError && (error.failure === 'network' || error.failure === 'timeout' || (error.status !== undefined && error.status >= 500));
}

/**
 * One GET of HubSpot's API through the host's proxy, paced by the rate limiter. Each attempt is
 * `requestJson` (timeout, body, JSON) without its own retries; this loop retries instead, because a
 * 429 here is not a failure: it waits out HubSpot's window (or its `Retry-After`) and tries again
 * for as long as the signal lives, without counting it as an attempt. Network errors, timeouts and
 * 5xx get the usual `retries` with jittered backoff. A 429 that says the portal's *daily* limit is
 * spent fails at once: no wait of seconds would help.
 */
export async function hubspotGet(url: URL, options: HubSpotRequestOptions, signal: AbortSignal): Promise<unknown> {
  const { http, limiter, concurrency } = options;
  let failures = 0;
  for (let attempt = 0; ; attempt++) {
    await limiter.acquire(signal);
    let limitedAnswer: { retryAfterMs: number | null; daily: boolean } | null = null;
    // Sees every answer's headers before requestJson turns a 429 into an error that no longer has them.
    const observed: typeof fetch = async (input, init) => {
      const response = await http.fetch(input, init);
      const limits = readRateLimitHeaders(response.headers);
      limiter.observe(limits);
      if (response.status === 429)
        limitedAnswer = { retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), http.now()), daily: limits.dailyRemaining === 0 };
      return response;
    };
    const hook = options.headers;
    const index = attempt;
    try {
      const { body } = await requestJson(
        { url, ...(hook ? { headers: () => hook({ url: new URL(url), attempt: index }) } : {}) },
        { ...http, fetch: observed, retries: 0 },
        signal,
      );
      concurrency.succeeded(limiter.waiting);
      return body;
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      const limited = limitedAnswer as { retryAfterMs: number | null; daily: boolean } | null;
      if (error instanceof HttpRequestError && error.status === 429 && limited !== null) {
        const where = describeUrl(url);
        if (limited.daily)
          throw new HttpRequestError('status', where, attempt + 1, `${where} answered 429: the HubSpot portal's daily API limit is used up; it resets at midnight in the portal's time zone`, 429);
        if (limited.retryAfterMs !== null && limited.retryAfterMs > http.maxRetryAfterMs)
          throw new HttpRequestError(
            'retry-after-too-long',
            where,
            attempt + 1,
            `${where} answered 429, asking to wait ${Math.ceil(limited.retryAfterMs / 1000)} s (more than the ${Math.round(http.maxRetryAfterMs / 1000)} s allowed)`,
            429,
          );
        limiter.limited(limited.retryAfterMs);
        concurrency.limited();
        continue;
      }
      if (!retryable(error) || failures >= http.retries) throw error;
      // "Equal jitter", as requestJson does: half the step fixed, half random.
      const step = Math.min(http.maxBackoffMs, http.backoffMs * 2 ** failures);
      failures++;
      await http.sleep(step / 2 + http.random() * (step / 2), signal);
    }
  }
}
