import type { Conversation } from '../../core/index.ts';
import { toCsv, type CsvCell } from '../../core/export/csv.ts';
import { formatDuration } from '../../i18n/format.ts';
import {
  assigneeName,
  chatflowName,
  inboxName,
  responseTime,
  textOf,
  timeOf,
  timeToClose,
  type LookupNames,
} from './drill-columns.ts';

function iso(value: unknown): string | null {
  const time = timeOf(value);
  return time === null ? null : new Date(time).toISOString();
}

function formattedDuration(ms: number | null, locale: string): string | null {
  return ms === null ? null : formatDuration(ms, locale);
}

// Field names rather than translated labels: an export is read back by scripts and other tools as
// often as by people, and the names match the documented Conversation fields.
const FIXED_HEADER = [
  'id',
  'subject',
  'contactName',
  'contactEmail',
  'assigneeId',
  'assigneeName',
  'inboxId',
  'inboxName',
  'channel',
  'status',
  'createdAt',
  'firstResponseAt',
  'closedAt',
  'responseTimeMs',
  'timeToCloseMs',
  'responseTime',
  'timeToClose',
  'pageUrl',
  'chatflowId',
  'chatflowName',
  'ticketId',
];

function customPropertyNames(conversations: readonly Conversation[]): string[] {
  const names = new Set<string>();
  for (const c of conversations) {
    const bag = c.properties;
    if (bag && typeof bag === 'object') for (const name of Object.keys(bag)) names.add(name);
  }
  return [...names].sort();
}

function propertyCell(value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/**
 * Every conversation, in `order`, with full (never shortened) text: dates as ISO 8601 UTC, durations
 * both in milliseconds and formatted for `locale`, names from lookups next to ids, and one
 * `properties.<name>` column per custom property.
 */
export function conversationsCsv(
  conversations: readonly Conversation[],
  order: readonly number[],
  names: LookupNames,
  locale: string,
): string {
  const custom = customPropertyNames(conversations);
  const header = [...FIXED_HEADER, ...custom.map((name) => `properties.${name}`)];
  const rows: CsvCell[][] = [];
  for (const index of order) {
    const c = conversations[index];
    if (!c) continue;
    const response = responseTime(c);
    const close = timeToClose(c);
    const bag: Record<string, unknown> = c.properties && typeof c.properties === 'object' ? c.properties : {};
    rows.push([
      textOf(c.id),
      textOf(c.subject),
      textOf(c.contactName),
      textOf(c.contactEmail),
      textOf(c.assigneeId),
      assigneeName(c, names),
      textOf(c.inboxId),
      inboxName(c, names),
      textOf(c.channel),
      textOf(c.status),
      iso(c.createdAt),
      iso(c.firstResponseAt),
      iso(c.closedAt),
      response,
      close,
      formattedDuration(response, locale),
      formattedDuration(close, locale),
      textOf(c.pageUrl),
      textOf(c.chatflowId),
      chatflowName(c, names),
      textOf(c.ticketId),
      ...custom.map((name) => propertyCell(Object.hasOwn(bag, name) ? bag[name] : null)),
    ]);
  }
  return toCsv(header, rows);
}
