import type { PropertyValue } from '../schema/conversation.ts';
import { derivedColumn } from './derived-columns.ts';
import { textAt, type Codes, type ConversationTable } from './table.ts';

export interface DictAccess {
  kind: 'dict';
  name: string;
  codes: Codes;
  values: readonly PropertyValue[];
  /** When grouping: code → group code (pageUrl groups by its normalized form). */
  groupOf?: Uint32Array;
  groupValues?: readonly PropertyValue[];
}

export interface NumberAccess {
  kind: 'number';
  name: string;
  values: Float64Array;
  /** Derived durations: value = values[i] − minus[i]; NaN (null) when either side is. */
  minus?: Float64Array;
  isDate: boolean;
  isDuration: boolean;
}

export interface TextAccess {
  kind: 'text';
  name: string;
  /** The text of row i (free text is packed, see TextColumn). */
  at: (i: number) => string | null;
}

export type ColumnAccess = DictAccess | NumberAccess | TextAccess;

export class UnknownPropertyError extends Error {
  override name = 'UnknownPropertyError';
  constructor(readonly property: string) {
    super(`Unknown property "${property}". Use a built-in name (e.g. "assigneeId", "responseTime") or "properties.<name>".`);
  }
}

export const CUSTOM_PREFIX = 'properties.';

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
  const derived = derivedColumn(table, name);
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

/** Reads a numeric access at row i; NaN for null. */
export function numberAt(access: NumberAccess, i: number): number {
  return access.minus ? access.values[i]! - access.minus[i]! : access.values[i]!;
}

/** The value of any access at row i (for generic, non-hot paths). */
export function valueAt(access: ColumnAccess, i: number): PropertyValue {
  switch (access.kind) {
    case 'dict':
      return access.values[access.codes[i]!] ?? null;
    case 'number': {
      const value = numberAt(access, i);
      return Number.isNaN(value) ? null : value;
    }
    case 'text':
      return access.at(i);
  }
}
