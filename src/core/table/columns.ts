import { CUSTOM_PREFIX, UnknownPropertyError, type ColumnAccess } from './column-access.ts';
import { derivedColumn } from './derived-columns.ts';
import { textAt, type ConversationTable } from './table.ts';

export {
  CUSTOM_PREFIX,
  UnknownPropertyError,
  numberAt,
  valueAt,
  type ColumnAccess,
  type DictAccess,
  type NumberAccess,
  type TextAccess,
} from './column-access.ts';

const dictNames = ['channel', 'status', 'inboxId', 'assigneeId', 'chatflowId', 'hasTicket'] as const;
const textNames = ['id', 'ticketId', 'subject', 'contactName', 'contactEmail'] as const;
const dateNames = ['createdAt', 'firstResponseAt', 'closedAt'] as const;

/** How core reads property `name` of `table`: built-in, derived or `properties.<name>`. */
export function columnAccess(table: ConversationTable, name: string): ColumnAccess {
  if ((dictNames as readonly string[]).includes(name)) {
    const column = table[name as (typeof dictNames)[number]];
    return { kind: 'dict', name, codes: column.codes, values: column.values };
  }
  if ((dateNames as readonly string[]).includes(name))
    return { kind: 'number', name, values: table[name as (typeof dateNames)[number]].values, isDate: true, isDuration: false };
  if ((textNames as readonly string[]).includes(name)) {
    const column = table[name as (typeof textNames)[number]];
    return { kind: 'text', name, at: (i) => textAt(column, i) };
  }
  switch (name) {
    case 'pageUrl':
      return {
        kind: 'dict',
        name,
        codes: table.pageUrl.codes,
        values: table.pageUrl.values,
        groupOf: table.pageUrlGroupOf,
        groupValues: table.pageUrlGroups,
      };
    case 'responseTime':
      return { kind: 'number', name, values: table.firstResponseAt.values, minus: table.createdAt.values, isDate: false, isDuration: true };
    case 'timeToClose':
      return { kind: 'number', name, values: table.closedAt.values, minus: table.createdAt.values, isDate: false, isDuration: true };
  }
  // (v2) teamId, and the context-dependent columns a spec was resolved to (see derived-columns.ts).
  const derived = derivedColumn(table, name, columnAccess);
  if (derived) return derived;
  if (name.startsWith(CUSTOM_PREFIX)) {
    const property = name.slice(CUSTOM_PREFIX.length);
    const column = Object.hasOwn(table.properties, property) ? table.properties[property] : undefined;
    if (column?.kind === 'number') return { kind: 'number', name, values: column.values, isDate: false, isDuration: false };
    if (column) return { kind: 'dict', name, codes: column.codes, values: column.values };
    // A custom property no record has: every value is null.
    return { kind: 'dict', name, codes: new Uint8Array(table.size), values: [null] };
  }
  throw new UnknownPropertyError(name);
}
