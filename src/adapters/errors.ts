/** What went wrong with one HTTP request, after any retries. */
export type RequestFailure = 'status' | 'network' | 'timeout' | 'invalid-json' | 'retry-after-too-long' | 'redirect';

/**
 * An HTTP request that failed for good: a status that is not retried (or still failing after the
 * last retry), a network error, a timeout, or a body that is not JSON. `url` carries no query string,
 * which may hold tokens.
 */
export class HttpRequestError extends Error {
  override name = 'HttpRequestError';
  constructor(
    readonly failure: RequestFailure,
    readonly url: string,
    readonly attempts: number,
    detail: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
  }
}

export type PageFailure = RequestFailure | 'malformed';

/**
 * A page of a paged source that could not be loaded or read. `page` counts from 1; the pages before
 * it were already yielded, so a loader that keeps yielded pages keeps them.
 */
export class PageLoadError extends Error {
  override name = 'PageLoadError';
  constructor(
    readonly page: number,
    readonly failure: PageFailure,
    detail: string,
    readonly extra: { status?: number; url?: string; recordsLoaded?: number; cause?: unknown } = {},
  ) {
    super(
      failure === 'malformed' ? `Page ${page} is malformed: ${detail}` : `Page ${page} could not be loaded: ${detail}`,
      extra.cause === undefined ? undefined : { cause: extra.cause },
    );
  }

  get status(): number | undefined {
    return this.extra.status;
  }
}

/** Origin and path only: query strings of paged APIs often carry cursors or keys that do not belong in logs. */
export function describeUrl(url: URL): string {
  return url.origin === 'null' ? url.pathname : url.origin + url.pathname;
}
