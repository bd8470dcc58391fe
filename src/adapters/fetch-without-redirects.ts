/**
 * Why no request of the kit follows a redirect: the host's headers (`Authorization`, `X-Api-Key`,
 * a HubSpot token) go with every hop, and a 302 to another origin would hand them, and the trust
 * in its answer, to that origin. Browsers drop `Authorization` on a cross-origin hop but keep
 * custom headers. With `redirect: 'manual'` nothing is sent to the target: a browser answers with
 * an opaque redirect (which hides even its Location, so same-origin hops cannot be told apart
 * either), Node with the 3xx itself. Both are refused the same way everywhere.
 */
export class RedirectRefusedError extends Error {
  override name = 'RedirectRefusedError';
  constructor(
    /** Origin and path of the request that was redirected. */
    readonly url: string,
    readonly status: number,
  ) {
    super(
      `${url} answered with a redirect${status > 0 ? ` (${status})` : ''}, which is not followed so that credentials never reach another address; use the final URL`,
    );
  }
}

/** A 3xx that points elsewhere (304 Not Modified is an answer, not a redirect). */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

/**
 * `fetch` that never follows a redirect: resolves with any other response, rejects with a
 * RedirectRefusedError (the body of the redirect is dropped).
 */
export async function fetchWithoutRedirects(fetchImpl: typeof fetch, url: URL | string, init: RequestInit, where: string): Promise<Response> {
  const response = await fetchImpl(url, { ...init, redirect: 'manual' });
  if (isRedirect(response)) {
    void response.body?.cancel().catch(() => {});
    throw new RedirectRefusedError(where, response.status);
  }
  return response;
}
