import type { PropertyValue } from '../schema/conversation.ts';
import { publicName } from './derived-columns.ts';
import type { ConversationTable } from './table.ts';

/** Readable names for null groups; the UI may translate them by key. */
export const NULL_LABELS: Readonly<Record<string, string>> = {
  assigneeId: 'Unassigned',
  chatflowId: 'No chatflow',
  pageUrl: 'Unknown page',
  ticketId: 'No ticket',
  teamId: 'No team',
};

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function nullLabel(property: string): string {
  return NULL_LABELS[publicName(property)] ?? 'Unknown';
}

function lookupNames(table: ConversationTable, property: string): Map<string, string> | undefined {
  const list =
    property === 'assigneeId'
      ? table.lookups.assignees
      : property === 'inboxId'
        ? table.lookups.inboxes
        : property === 'chatflowId'
          ? table.lookups.chatflows
          : property === 'teamId'
            ? table.lookups.teams
            : undefined;
  return list && new Map(list.map((entry) => [entry.id, entry.name]));
}

/** The English label of a (v2) weekday, hour or SLA value ("Monday", "09:00", "Met"); undefined for other properties. */
export function derivedValueLabel(property: string, value: unknown): string | undefined {
  if (property === 'createdWeekday' && typeof value === 'number') return WEEKDAY_NAMES[value - 1] ?? String(value);
  if (property === 'createdHour' && typeof value === 'number') return `${String(value).padStart(2, '0')}:00`;
  if ((property === 'firstResponseSla' || property === 'closeSla') && typeof value === 'string')
    return value === 'met' ? 'Met' : value === 'breached' ? 'Breached' : value === 'pending' ? 'Pending' : value;
  return undefined;
}

/** A labeller for values of `property`: the lookup name where there is one, else the value itself. */
export function labeller(table: ConversationTable, name: string): (value: PropertyValue) => string {
  const property = publicName(name);
  const names = lookupNames(table, property);
  const empty = nullLabel(property);
  return (value) => {
    if (value === null) return empty;
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    const derived = derivedValueLabel(property, value);
    if (derived !== undefined) return derived;
    return names?.get(String(value)) ?? String(value);
  };
}
