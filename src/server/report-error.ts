/** An answer the handler gives instead of a result: an HTTP status and a code and message safe to show. */
export class ReportRequestError extends Error {
  override name = 'ReportRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** `{ error: { code, message } }` as JSON: never a stack, never SQL. */
export function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
