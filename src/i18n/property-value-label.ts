/**
 * A custom property's value as a label: the catalog's `value.<property>.<value>` when it has one
 * (the sample's priorities: "high" → "Haute" in French), else a code-like value made readable
 * ("very_urgent" → "Very urgent"). Free text ("Pro plan", "ACME B.V.") is shown as written.
 */
// Ids and free text of the built-in fields are shown as they are ("a1" is no word to capitalize).
const AS_WRITTEN = new Set(['id', 'assigneeId', 'inboxId', 'chatflowId', 'teamId', 'pageUrl', 'ticketId', 'subject', 'contactName', 'contactEmail']);

export function propertyValueLabel(property: string, value: string, t: (key: string) => string): string {
  const name = property.replace(/^properties\./, '');
  const key = `value.${name}.${value}`;
  const text = t(key);
  if (text !== key) return text;
  if (AS_WRITTEN.has(name)) return value;
  if (!/^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/.test(value)) return value;
  const words = value.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
