import type { AggregateOp, FilterOperator } from '../schema/report-spec.ts';
import { CUSTOM_PREFIX } from './columns.ts';
import type { ConversationTable } from './table.ts';

export type PropertyType = 'enum' | 'text' | 'url' | 'date' | 'duration' | 'number' | 'boolean';

export interface PropertyInfo {
  /** The name specs use: "assigneeId", "responseTime", "properties.priority". */
  name: string;
  label: string;
  type: PropertyType;
  source: 'built-in' | 'derived' | 'custom';
  /** May be a dimension or breakdown. */
  groupable: boolean;
  operators: readonly FilterOperator[];
  /** Aggregates allowed besides count. */
  measures: readonly AggregateOp[];
  /** (v2) May be measured with `share` (the fraction of conversations with one value). */
  shareable: boolean;
}

const operatorsByType: Record<PropertyType, readonly FilterOperator[]> = {
  enum: ['is', 'isNot', 'in', 'notIn', 'known', 'unknown', 'contains'],
  text: ['is', 'isNot', 'contains', 'known', 'unknown'],
  url: ['is', 'isNot', 'in', 'notIn', 'contains', 'known', 'unknown'],
  date: ['gt', 'gte', 'lt', 'lte', 'between', 'known', 'unknown'],
  duration: ['gt', 'gte', 'lt', 'lte', 'between', 'known', 'unknown'],
  number: ['is', 'isNot', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'between', 'known', 'unknown'],
  boolean: ['is', 'isNot', 'known', 'unknown'],
};

const measuresByType: Record<PropertyType, readonly AggregateOp[]> = {
  enum: [],
  text: [],
  url: [],
  date: ['min', 'max'],
  duration: ['avg', 'median', 'p90', 'min', 'max', 'sum'],
  number: ['avg', 'median', 'p90', 'min', 'max', 'sum'],
  boolean: [],
};

function info(name: string, label: string, type: PropertyType, source: PropertyInfo['source'], groupable: boolean): PropertyInfo {
  return {
    name,
    label,
    type,
    source,
    groupable,
    operators: operatorsByType[type],
    measures: measuresByType[type],
    // A share of one category (SLA met, has a ticket, weekday 6): anything that groups, dates and durations aside.
    shareable: groupable && type !== 'date' && type !== 'duration',
  };
}

/** Built-in and derived properties, in the order the editor lists them. */
export const builtInProperties: readonly PropertyInfo[] = [
  info('channel', 'Channel', 'enum', 'built-in', true),
  info('status', 'Status', 'enum', 'built-in', true),
  info('assigneeId', 'Assignee', 'enum', 'built-in', true),
  info('inboxId', 'Inbox', 'enum', 'built-in', true),
  info('chatflowId', 'Chatflow', 'enum', 'built-in', true),
  info('pageUrl', 'Page URL', 'url', 'built-in', true),
  info('createdAt', 'Created', 'date', 'built-in', true),
  info('firstResponseAt', 'First response', 'date', 'built-in', true),
  info('closedAt', 'Closed', 'date', 'built-in', true),
  info('responseTime', 'Response time', 'duration', 'derived', false),
  info('timeToClose', 'Time to close', 'duration', 'derived', false),
  info('hasTicket', 'Has ticket', 'boolean', 'derived', true),
  info('teamId', 'Team', 'enum', 'derived', true),
  info('createdWeekday', 'Weekday created', 'number', 'derived', true),
  info('createdHour', 'Hour created', 'number', 'derived', true),
  info('responseTimeBusiness', 'Response time (business hours)', 'duration', 'derived', false),
  info('timeToCloseBusiness', 'Time to close (business hours)', 'duration', 'derived', false),
  info('firstResponseSla', 'First response SLA', 'enum', 'derived', true),
  info('closeSla', 'Close SLA', 'enum', 'derived', true),
  info('ticketId', 'Ticket', 'text', 'built-in', false),
  info('subject', 'Subject', 'text', 'built-in', false),
  info('contactName', 'Contact name', 'text', 'built-in', false),
  info('contactEmail', 'Contact email', 'text', 'built-in', false),
  info('id', 'Conversation ID', 'text', 'built-in', false),
];

/** Above this many distinct values a text property is free text, not a category. */
const ENUM_LIMIT = 200;

function humanize(name: string): string {
  const spaced = name.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The catalog for a table: built-ins plus every custom property found in the data, typed by its values. */
export function propertyCatalog(table?: ConversationTable): PropertyInfo[] {
  const catalog = [...builtInProperties];
  if (!table) return catalog;
  for (const name of Object.keys(table.properties).sort()) {
    const column = table.properties[name]!;
    let type: PropertyType;
    // Numbers with few distinct values are stored as a dictionary; they are numbers all the same.
    if (column.kind === 'number' || column.values.every((value, code) => code === 0 || typeof value === 'number')) type = 'number';
    else if (column.values.slice(1).every((value) => typeof value === 'boolean')) type = 'boolean';
    else type = column.values.length - 1 > ENUM_LIMIT ? 'text' : 'enum';
    catalog.push(info(CUSTOM_PREFIX + name, humanize(name), type, 'custom', type !== 'text'));
  }
  return catalog;
}

export function findProperty(catalog: readonly PropertyInfo[], name: string): PropertyInfo | undefined {
  return catalog.find((property) => property.name === name);
}
