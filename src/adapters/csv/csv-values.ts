import { zoneOffset } from '../../core/index.ts';
import type { PropertyValue } from '../../core/schema/conversation.ts';
import { impossibleDateTime } from '../../core/schema/timestamp.ts';

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// "2026-03-01", "2026-03-01 14:22", "2026-03-01T14:22:05.123": a local date-time, no zone.
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** Epoch seconds are what most exports write; below this an integer is taken as seconds (ms would be 1973). */
const SECONDS_LIMIT = 1e11;

/** The instant whose wall-clock time in `timeZone` is `wall` (expressed as if UTC). */
function fromLocal(wall: number, timeZone: string): number {
  const first = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(first, timeZone);
}

/**
 * A time cell as the kit's parser takes it: epoch ms (integers below 1e11 read as epoch seconds),
 * ISO 8601 with a zone, or a zone-less date-time read in `timeZone` when one is given. Anything
 * else is passed on unchanged, for the parser to reject with a message naming the field.
 */
export function timeCell(cell: string, timeZone: string | undefined): string | number | null {
  const value = cell.trim();
  if (value === '') return null;
  if (INTEGER.test(value)) {
    const number = Number(value);
    return Math.abs(number) < SECONDS_LIMIT ? number * 1000 : number;
  }
  if (ZONED.test(value)) return value.replace(' ', 'T');
  const local = LOCAL_DATE_TIME.exec(value);
  // An impossible date (Feb 31, hour 25) is passed on unchanged: the parser rejects it with its line,
  // where Date.UTC would roll it over into another day.
  if (local && timeZone !== undefined && impossibleDateTime(value) === null) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = local;
    const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0')));
    if (!Number.isNaN(wall)) return fromLocal(wall, timeZone);
  }
  return value;
}

/** Optional text: an empty cell is null. */
export function textCell(cell: string | undefined): string | null {
  const value = cell?.trim() ?? '';
  return value === '' ? null : value;
}

/** A required text field: an empty cell is missing, so the parser reports it as required. */
export function requiredCell(cell: string | undefined, lowercase = false): string | undefined {
  const value = cell?.trim() ?? '';
  if (value === '') return undefined;
  return lowercase ? value.toLowerCase() : value;
}

export type ColumnType = 'number' | 'boolean' | 'text';

/** A column is numeric (or true/false) only when every non-empty cell is; one stray word makes it text. */
export function columnType(cells: Iterable<string | undefined>): ColumnType {
  let numeric = true;
  let boolean = true;
  let any = false;
  for (const cell of cells) {
    const value = cell?.trim() ?? '';
    if (value === '') continue;
    any = true;
    if (numeric && !NUMBER.test(value)) numeric = false;
    if (boolean && !/^(?:true|false)$/i.test(value)) boolean = false;
    if (!numeric && !boolean) return 'text';
  }
  if (!any) return 'text';
  return numeric ? 'number' : boolean ? 'boolean' : 'text';
}

export function propertyCell(cell: string | undefined, type: ColumnType): PropertyValue {
  const value = cell?.trim() ?? '';
  if (value === '') return null;
  if (type === 'number') return Number(value);
  if (type === 'boolean') return value.toLowerCase() === 'true';
  return value;
}
