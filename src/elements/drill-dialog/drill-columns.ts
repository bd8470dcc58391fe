import type { Conversation, Lookups } from '../../core/index.ts';
import { translate } from '../../i18n/translate.ts';

export const drillColumnIds = [
  'subject',
  'assignee',
  'inbox',
  'channel',
  'status',
  'createdAt',
  'firstResponseAt',
  'closedAt',
  'responseTime',
  'timeToClose',
  'pageUrl',
  'chatflow',
  'ticket',
] as const;

export type DrillColumnId = (typeof drillColumnIds)[number];

/** (v2) The columns shown until the reader chooses others: enough to tell conversations apart and see how they went. */
export const defaultDrillColumns: readonly DrillColumnId[] = ['subject', 'assignee', 'inbox', 'status', 'createdAt', 'responseTime'];

/**
 * (v2) The link to a conversation in the host's inbox: `template` with `{id}` replaced by the
 * URL-encoded id, or null when there is no template, no `{id}` in it, or the result is not an
 * absolute http(s) URL (an id from data, or a template from markup, must never make a
 * `javascript:` link).
 */
export function conversationHref(template: string | null | undefined, id: unknown): string | null {
  const text = textOf(id);
  if (!template || text === null || !template.includes('{id}')) return null;
  return safeHref(template.split('{id}').join(encodeURIComponent(text)));
}
export type SortDirection = 'asc' | 'desc';
export type SortKey = string | number | null;

/** Names by id, built once per `lookups` so that 10 000 rows cost 10 000 map reads, not array scans. */
export interface LookupNames {
  assignees: Map<string, string>;
  inboxes: Map<string, string>;
  chatflows: Map<string, string>;
}

export function lookupNames(lookups: Partial<Lookups> | null | undefined): LookupNames {
  const byId = (items: readonly { id: string; name: string }[] | undefined) =>
    new Map((Array.isArray(items) ? items : []).map((item) => [String(item.id), String(item.name)] as const));
  return { assignees: byId(lookups?.assignees), inboxes: byId(lookups?.inboxes), chatflows: byId(lookups?.chatflows) };
}

/** The text of an optional field; hosts may hand over records that skipped parsing, so anything goes. */
export function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return text === '' ? null : text;
}

export function timeOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function responseTime(c: Conversation): number | null {
  const created = timeOf(c.createdAt);
  const responded = timeOf(c.firstResponseAt);
  return created === null || responded === null ? null : responded - created;
}

export function timeToClose(c: Conversation): number | null {
  const created = timeOf(c.createdAt);
  const closed = timeOf(c.closedAt);
  return created === null || closed === null ? null : closed - created;
}

function named(names: Map<string, string>, id: unknown): string | null {
  const key = textOf(id);
  return key === null ? null : (names.get(key) ?? key);
}

export const assigneeName = (c: Conversation, names: LookupNames) => named(names.assignees, c.assigneeId);
export const inboxName = (c: Conversation, names: LookupNames) => named(names.inboxes, c.inboxId);
export const chatflowName = (c: Conversation, names: LookupNames) => named(names.chatflows, c.chatflowId);

/** "Chat", "Email", or a channel the kit has no word for, as given. */
export function channelLabel(channel: unknown, locale: string): string | null {
  const text = textOf(channel);
  if (text === 'chat' || text === 'email') return translate(locale, `drill.channel.${text}`);
  return text;
}

export function statusLabel(status: unknown, locale: string): string | null {
  const text = textOf(status);
  if (text === 'open' || text === 'closed') return translate(locale, `drill.status.${text}`);
  return text;
}

/** The value a column sorts by: what the reader sees for text, the instant or milliseconds for times. */
export function sortKeyOf(column: DrillColumnId, c: Conversation, names: LookupNames, locale: string): SortKey {
  switch (column) {
    case 'subject':
      return textOf(c.subject);
    case 'assignee':
      return assigneeName(c, names);
    case 'inbox':
      return inboxName(c, names);
    case 'channel':
      return channelLabel(c.channel, locale);
    case 'status':
      return statusLabel(c.status, locale);
    case 'createdAt':
    case 'firstResponseAt':
    case 'closedAt':
      return timeOf(c[column]);
    case 'responseTime':
      return responseTime(c);
    case 'timeToClose':
      return timeToClose(c);
    case 'pageUrl':
      return textOf(c.pageUrl);
    case 'chatflow':
      return chatflowName(c, names);
    case 'ticket':
      return textOf(c.ticketId);
  }
}

/**
 * Row indexes ordered by precomputed keys; missing values last in both directions, ties in the given
 * order. The comparator only reads an array: with 10 000 rows it runs ~130 000 times, too often to
 * look up names or derive durations inside it.
 */
export function sortedOrder(keys: readonly SortKey[], direction: SortDirection, compareText: (a: string, b: string) => number): number[] {
  const order = Array.from({ length: keys.length }, (_, i) => i);
  const sign = direction === 'asc' ? 1 : -1;
  order.sort((a, b) => {
    const ka = keys[a] ?? null;
    const kb = keys[b] ?? null;
    if (ka === kb) return a - b;
    if (ka === null) return 1;
    if (kb === null) return -1;
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : compareText(String(ka), String(kb));
    return c === 0 ? a - b : sign * c;
  });
  return order;
}

const MAX_URL_CHARS = 60;

/** At most ~60 characters for the cell, counted in code points so no character is split. */
export function shortUrl(url: string): string {
  const points = [...url];
  return points.length <= MAX_URL_CHARS ? url : `${points.slice(0, MAX_URL_CHARS - 1).join('')}…`;
}

/**
 * The URL to link to, or null when the text must stay text. Only http(s) is linked: a page URL comes
 * from a visitor's browser, and `javascript:` or `data:` in an href would run in the host page.
 */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
