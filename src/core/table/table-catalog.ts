import { propertyCatalog, type PropertyInfo } from './properties.ts';
import type { PropertyValue } from '../schema/conversation.ts';
import type { ConversationTable } from './table.ts';

const builtInDict = ['channel', 'status', 'inboxId', 'assigneeId', 'chatflowId', 'hasTicket'] as const;

/** The distinct non-null values of a categorical property in the table (empty when it has none or is not categorical). */
export function valuesInData(table: ConversationTable | null | undefined, name: string): PropertyValue[] {
  if (!table) return [];
  if ((builtInDict as readonly string[]).includes(name)) return table[name as (typeof builtInDict)[number]].values.slice(1);
  if (name.startsWith('properties.')) {
    const key = name.slice('properties.'.length);
    const column = Object.hasOwn(table.properties, key) ? table.properties[key] : undefined;
    if (column?.kind === 'dict') return column.values.slice(1);
  }
  return [];
}

/**
 * What the report editor needs of a table it cannot see, when the table lives in the engine Worker:
 * the property catalog, and the values of each property picked from a list. A Map, not an object:
 * it crosses to the page by structured clone, which would give an object a prototype again, and
 * custom property names from data may be `__proto__`.
 */
export interface TableCatalog {
  properties: PropertyInfo[];
  values: Map<string, PropertyValue[]>;
}

export function tableCatalog(table: ConversationTable): TableCatalog {
  const properties = propertyCatalog(table);
  const values = new Map<string, PropertyValue[]>();
  for (const info of properties) {
    if (info.type !== 'enum') continue;
    const list = valuesInData(table, info.name);
    if (list.length > 0) values.set(info.name, list);
  }
  return { properties, values };
}
