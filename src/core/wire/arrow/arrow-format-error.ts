/**
 * An Arrow page the kit cannot read as conversations: not Arrow at all, corrupt, or a column of the
 * wrong type or length. Faults of single rows (a close before the creation, a duplicate id) are not
 * thrown: they reject that row only, as for objects.
 */
export class ArrowFormatError extends Error {
  override name = 'ArrowFormatError';
  constructor(
    /** The offending column, e.g. "createdAt" or "properties.plan"; empty for the data as a whole. */
    readonly column: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(column ? `Arrow column "${column}" ${detail}` : `Arrow data: ${detail}`, options);
  }
}
