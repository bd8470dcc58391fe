import type { Conversation, Lookups, LookupsInput, PropertyValue } from './schema/conversation.ts';
import { normalizePageUrl } from './page-url.ts';

export type Codes = Uint8Array | Uint16Array | Uint32Array;

/** A dictionary-encoded column: `values[codes[i]]`, where code 0 is always null. */
export interface DictColumn {
  kind: 'dict';
  codes: Codes;
  values: PropertyValue[];
}

/** A numeric column; NaN stands for null. */
export interface NumberColumn {
  kind: 'number';
  values: Float64Array;
}

/** Free text needed only for drill rows (and rare filters on it). */
export interface TextColumn {
  kind: 'text';
  values: (string | null)[];
}

export type Column = DictColumn | NumberColumn | TextColumn;

/**
 * Conversations stored by column: timestamps and numbers in Float64Arrays, categories as small
 * integer codes into dictionaries. Made only of typed arrays and plain arrays, so it is
 * structured-cloneable and its buffers can be transferred to a Worker. Treat it as immutable.
 */
export interface ConversationTable {
  readonly size: number;
  readonly createdAt: NumberColumn;
  readonly firstResponseAt: NumberColumn;
  readonly closedAt: NumberColumn;
  readonly channel: DictColumn;
  readonly status: DictColumn;
  readonly inboxId: DictColumn;
  readonly assigneeId: DictColumn;
  readonly chatflowId: DictColumn;
  readonly pageUrl: DictColumn;
  /** For each pageUrl code, the code of its normalized form in `pageUrlGroups`. */
  readonly pageUrlGroupOf: Uint32Array;
  readonly pageUrlGroups: (string | null)[];
  readonly hasTicket: DictColumn;
  readonly id: TextColumn;
  readonly ticketId: TextColumn;
  readonly subject: TextColumn;
  readonly contactName: TextColumn;
  readonly contactEmail: TextColumn;
  /** Custom properties by name; numeric ones as NumberColumn, the rest dictionary-encoded. */
  readonly properties: Readonly<Record<string, DictColumn | NumberColumn>>;
  readonly lookups: Lookups;
}

/** Builds dictionary codes incrementally; code 0 is reserved for null. */
export class DictionaryBuilder {
  readonly values: PropertyValue[] = [null];
  readonly #codes = new Map<PropertyValue, number>();

  code(value: PropertyValue | undefined): number {
    if (value === null || value === undefined) return 0;
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.#codes.set(value, code);
    }
    return code;
  }
}

/** The narrowest unsigned array that holds codes below `cardinality`. */
export function narrowCodes(codes: Uint32Array, cardinality: number): Codes {
  if (cardinality <= 0x100) return Uint8Array.from(codes);
  if (cardinality <= 0x10000) return Uint16Array.from(codes);
  return codes;
}

function dictColumn(size: number, read: (i: number) => PropertyValue | undefined): DictColumn {
  const builder = new DictionaryBuilder();
  const codes = new Uint32Array(size);
  for (let i = 0; i < size; i++) codes[i] = builder.code(read(i));
  return { kind: 'dict', codes: narrowCodes(codes, builder.values.length), values: builder.values };
}

function numberColumn(size: number, read: (i: number) => number | null | undefined): NumberColumn {
  const values = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const value = read(i);
    values[i] = value === null || value === undefined ? Number.NaN : value;
  }
  return { kind: 'number', values };
}

function propertyColumns(conversations: readonly Conversation[]): Record<string, DictColumn | NumberColumn> {
  const numericOnly = new Map<string, boolean>();
  for (const conversation of conversations) {
    const bag = conversation.properties;
    for (const name in bag) {
      const value = bag[name];
      if (value === null || value === undefined) {
        if (!numericOnly.has(name)) numericOnly.set(name, true);
      } else numericOnly.set(name, (numericOnly.get(name) ?? true) && typeof value === 'number');
    }
  }
  const columns: Record<string, DictColumn | NumberColumn> = Object.create(null);
  const size = conversations.length;
  for (const [name, numeric] of numericOnly) {
    const read = (i: number) => {
      const bag = conversations[i]!.properties;
      return Object.hasOwn(bag, name) ? bag[name] : null;
    };
    columns[name] = numeric ? numberColumn(size, read as (i: number) => number | null) : dictColumn(size, read);
  }
  return columns;
}

export function normalizeLookups(lookups: Lookups | LookupsInput | undefined): Lookups {
  return {
    assignees: [...(lookups?.assignees ?? [])],
    inboxes: [...(lookups?.inboxes ?? [])],
    chatflows: [...(lookups?.chatflows ?? [])],
  };
}

/** Builds the columnar table from parsed conversations (see `parseConversations`). */
export function createTable(conversations: readonly Conversation[], lookups?: Lookups | LookupsInput): ConversationTable {
  const size = conversations.length;
  const at = (i: number) => conversations[i]!;
  const pageUrl = dictColumn(size, (i) => at(i).pageUrl);
  const groups = new DictionaryBuilder();
  const pageUrlGroupOf = new Uint32Array(pageUrl.values.length);
  for (let code = 1; code < pageUrl.values.length; code++)
    pageUrlGroupOf[code] = groups.code(normalizePageUrl(pageUrl.values[code] as string));
  const text = (read: (c: Conversation) => string | null): TextColumn => ({
    kind: 'text',
    values: conversations.map(read),
  });
  const hasTicket = new Uint8Array(size);
  for (let i = 0; i < size; i++) hasTicket[i] = at(i).ticketId === null ? 1 : 2;
  return {
    size,
    createdAt: numberColumn(size, (i) => at(i).createdAt),
    firstResponseAt: numberColumn(size, (i) => at(i).firstResponseAt),
    closedAt: numberColumn(size, (i) => at(i).closedAt),
    channel: dictColumn(size, (i) => at(i).channel),
    status: dictColumn(size, (i) => at(i).status),
    inboxId: dictColumn(size, (i) => at(i).inboxId),
    assigneeId: dictColumn(size, (i) => at(i).assigneeId),
    chatflowId: dictColumn(size, (i) => at(i).chatflowId),
    pageUrl,
    pageUrlGroupOf,
    pageUrlGroups: groups.values as (string | null)[],
    hasTicket: { kind: 'dict', codes: hasTicket, values: [null, false, true] },
    id: text((c) => c.id),
    ticketId: text((c) => c.ticketId),
    subject: text((c) => c.subject),
    contactName: text((c) => c.contactName),
    contactEmail: text((c) => c.contactEmail),
    properties: propertyColumns(conversations),
    lookups: normalizeLookups(lookups),
  };
}

/** Rebuilds the conversation at row `i` (for drill rows). */
export function conversationAt(table: ConversationTable, i: number): Conversation {
  const num = (column: NumberColumn) => {
    const value = column.values[i]!;
    return Number.isNaN(value) ? null : value;
  };
  const dict = (column: DictColumn) => column.values[column.codes[i]!] ?? null;
  const properties: Record<string, PropertyValue> = Object.create(null);
  for (const name in table.properties) {
    const column = table.properties[name]!;
    const value = column.kind === 'number' ? num(column) : dict(column);
    if (value !== null) properties[name] = value;
  }
  return {
    id: table.id.values[i]!,
    channel: dict(table.channel) as string,
    status: dict(table.status) as 'open' | 'closed',
    inboxId: dict(table.inboxId) as string,
    assigneeId: dict(table.assigneeId) as string | null,
    createdAt: table.createdAt.values[i]!,
    firstResponseAt: num(table.firstResponseAt),
    closedAt: num(table.closedAt),
    chatflowId: dict(table.chatflowId) as string | null,
    pageUrl: dict(table.pageUrl) as string | null,
    ticketId: table.ticketId.values[i] ?? null,
    subject: table.subject.values[i] ?? null,
    contactName: table.contactName.values[i] ?? null,
    contactEmail: table.contactEmail.values[i] ?? null,
    properties,
  };
}
