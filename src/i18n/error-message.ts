/** The text of a thrown value, for an event's `message` or a state that shows it. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
