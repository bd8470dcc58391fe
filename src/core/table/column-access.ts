import type { PropertyValue } from '../schema/conversation.ts';
import type { Codes } from './table.ts';

/**
 * How the engine reads one column, whatever made it (a built-in, a derived or a custom property).
 * Apart from columns.ts so that derived columns, which read other columns, need not import it back.
 */

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
