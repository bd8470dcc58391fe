import type { PropertyInfo } from '../../core/table/properties.ts';
import type { PropertyValue } from '../../core/schema/conversation.ts';
import type { Filter, FilterOperator } from '../../core/schema/report-spec.ts';
import { fromWall, toWall } from '../../core/time/time-buckets.ts';

export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';
export const durationUnits: readonly DurationUnit[] = ['seconds', 'minutes', 'hours', 'days'];
const UNIT_MS: Record<DurationUnit, number> = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
const DAY = 86_400_000;

/** What the value controls of one criterion hold, as typed; turned into a filter value on apply. */
export interface CriterionInput {
  /** Picked values of a radio group or multi-select, each `encodeValue`d. */
  picked: string[];
  /** A single text, number or date-time; or a list (one per line, or comma-separated numbers). */
  text: string;
  /** `between`: the two ends (numbers, or dates "YYYY-MM-DD"). */
  min: string;
  max: string;
  unit: DurationUnit;
  /** Narrows a long list of values. */
  search: string;
}

/** Which control a problem belongs to. */
export type ValueField = 'value' | 'min' | 'max';

export interface ValueProblem {
  field: ValueField;
  /** Suffix of an `editor.error.*` key. */
  code: 'pickOne' | 'pickSome' | 'number' | 'between' | 'date' | 'dateRange' | 'text' | 'list';
}

export function emptyInput(): CriterionInput {
  return { picked: [], text: '', min: '', max: '', unit: 'minutes', search: '' };
}

/** Values in radio groups and multi-selects travel as strings; JSON keeps "4", 4 and true apart. */
export function encodeValue(value: PropertyValue): string {
  return JSON.stringify(value);
}

export function decodeValue(encoded: string): PropertyValue {
  const value: unknown = JSON.parse(encoded);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** Whether the criterion's value is chosen from a list (radio group or multi-select). */
export function picksFromList(info: PropertyInfo): boolean {
  return info.type === 'enum' || info.type === 'boolean';
}

export function isMultiple(operator: FilterOperator): boolean {
  return operator === 'in' || operator === 'notIn';
}

export function needsNoValue(operator: FilterOperator): boolean {
  return operator === 'known' || operator === 'unknown';
}

/** A number as people type it: "5", " 2.5 ", "2,5"; null when it is not one. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normalized = trimmed.includes('.') ? trimmed : trimmed.replace(',', '.');
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

function wallOfDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, y, m, d, hh, mm] = match;
  const wall = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0));
  const check = new Date(wall);
  // Date.UTC rolls 2026-02-31 over into March; an impossible date is a typo, not a date.
  if (check.getUTCMonth() !== Number(m) - 1 || check.getUTCDate() !== Number(d)) return null;
  return wall;
}

/** "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm" read as a local time in `timeZone`, as epoch ms. */
export function parseLocalDate(text: string, timeZone: string): number | null {
  const wall = wallOfDate(text);
  return wall === null ? null : fromWall(wall, timeZone);
}

function isoWall(t: number, timeZone: string): string {
  return new Date(toWall(t, timeZone)).toISOString();
}

export function formatLocalDate(t: number, timeZone: string): string {
  return isoWall(t, timeZone).slice(0, 10);
}

export function formatLocalDateTime(t: number, timeZone: string): string {
  return isoWall(t, timeZone).slice(0, 16);
}

/** The largest unit that shows a duration without a fraction (minutes when none does). */
export function unitFor(ms: number): DurationUnit {
  if (ms === 0) return 'minutes';
  for (const unit of ['days', 'hours', 'minutes', 'seconds'] as const) if (ms % UNIT_MS[unit] === 0) return unit;
  return 'minutes';
}

export function toMs(amount: number, unit: DurationUnit): number {
  return Math.round(amount * UNIT_MS[unit]);
}

export function fromMs(ms: number, unit: DurationUnit): string {
  return String(ms / UNIT_MS[unit]);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The controls' contents for a filter value read from a spec (the reverse of `valueOf`). */
export function inputFromValue(info: PropertyInfo, operator: FilterOperator, value: unknown, timeZone: string): CriterionInput {
  const input = emptyInput();
  if (needsNoValue(operator)) return input;
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  const scalars = list.filter((v): v is PropertyValue => v === null || ['string', 'number', 'boolean'].includes(typeof v));
  if (picksFromList(info) && operator !== 'contains') {
    input.picked = scalars.filter((v) => v !== null).map(encodeValue);
    input.text = scalars.filter((v) => v !== null).map(String).join(', ');
    return input;
  }
  if (operator === 'between' && Array.isArray(value)) {
    const [min, max] = value as unknown[];
    if (info.type === 'duration') {
      const unit = isNumber(min) && isNumber(max) ? rangeUnit(min, max) : 'minutes';
      input.unit = unit;
      input.min = isNumber(min) ? fromMs(min, unit) : '';
      input.max = isNumber(max) ? fromMs(max, unit) : '';
    } else if (info.type === 'date') {
      input.min = isNumber(min) ? formatLocalDate(min, timeZone) : '';
      input.max = isNumber(max) ? formatLocalDate(max, timeZone) : '';
    } else {
      input.min = isNumber(min) ? String(min) : '';
      input.max = isNumber(max) ? String(max) : '';
    }
    return input;
  }
  if (isMultiple(operator)) {
    input.text = scalars.map(String).join(info.type === 'number' ? ', ' : '\n');
    return input;
  }
  if (info.type === 'duration' && isNumber(value)) {
    input.unit = unitFor(value);
    input.text = fromMs(value, input.unit);
  } else if (info.type === 'date' && isNumber(value)) {
    input.text = formatLocalDateTime(value, timeZone);
  } else if (value !== null && value !== undefined) {
    input.text = String(value);
  }
  return input;
}

/** A unit that shows both ends of a duration range without fractions, when there is one. */
function rangeUnit(min: number, max: number): DurationUnit {
  if (min === 0) return unitFor(max);
  if (max === 0) return unitFor(min);
  const [a, b] = [unitFor(min), unitFor(max)];
  return UNIT_MS[a] <= UNIT_MS[b] ? a : b;
}

/**
 * The filter value the controls describe, or what is wrong with them. Durations are typed in a
 * unit and stored in ms; dates are read in `timeZone` (a date range covers both whole days).
 */
export function valueOf(
  info: PropertyInfo,
  operator: FilterOperator,
  input: CriterionInput,
  options: { timeZone: string; hasList: boolean },
): { value?: Filter['value']; problems: ValueProblem[] } {
  if (needsNoValue(operator)) return { problems: [] };
  const fail = (code: ValueProblem['code'], field: ValueField = 'value') => ({ problems: [{ field, code }] });

  if (picksFromList(info) && operator !== 'contains') {
    const values = options.hasList || info.type === 'boolean' ? input.picked.map(decodeValue) : splitList(input.text, ',');
    if (isMultiple(operator)) return values.length > 0 ? { value: values, problems: [] } : fail('pickSome');
    return values.length === 1 ? { value: values[0], problems: [] } : fail('pickOne');
  }

  if (operator === 'contains') {
    const text = input.text.trim();
    return text ? { value: text, problems: [] } : fail('text');
  }

  if (operator === 'between') {
    if (info.type === 'date') {
      const from = parseLocalDate(input.min, options.timeZone);
      const to = parseLocalDate(input.max, options.timeZone);
      const problems: ValueProblem[] = [];
      if (from === null) problems.push({ field: 'min', code: 'date' });
      if (to === null) problems.push({ field: 'max', code: 'date' });
      if (from === null || to === null) return { problems };
      // Inclusive of the whole last day: up to the instant before the next local midnight.
      const end = fromWall(toWall(to, options.timeZone) + DAY, options.timeZone) - 1;
      if (from > to) return fail('dateRange', 'max');
      return { value: [from, end], problems: [] };
    }
    const min = parseNumber(input.min);
    const max = parseNumber(input.max);
    const problems: ValueProblem[] = [];
    if (min === null) problems.push({ field: 'min', code: 'number' });
    if (max === null) problems.push({ field: 'max', code: 'number' });
    if (min === null || max === null) return { problems };
    if (min > max) return fail('between', 'max');
    return info.type === 'duration'
      ? { value: [toMs(min, input.unit), toMs(max, input.unit)], problems: [] }
      : { value: [min, max], problems: [] };
  }

  if (isMultiple(operator)) {
    if (info.type === 'number') {
      const parts = splitList(input.text, ',');
      const numbers = parts.map((part) => parseNumber(String(part)));
      if (numbers.length === 0 || numbers.some((n) => n === null)) return fail('list');
      return { value: numbers as number[], problems: [] };
    }
    const lines = splitList(input.text, '\n');
    return lines.length > 0 ? { value: lines, problems: [] } : fail('list');
  }

  if (info.type === 'date') {
    const t = parseLocalDate(input.text, options.timeZone);
    return t === null ? fail('date') : { value: t, problems: [] };
  }
  if (info.type === 'duration' || info.type === 'number' || ['gt', 'gte', 'lt', 'lte'].includes(operator)) {
    const n = parseNumber(input.text);
    if (n === null) return fail('number');
    return { value: info.type === 'duration' ? toMs(n, input.unit) : n, problems: [] };
  }
  const text = input.text.trim();
  return text ? { value: text, problems: [] } : fail('text');
}

function splitList(text: string, separator: ',' | '\n'): string[] {
  return text
    .split(separator === ',' ? /[,;\n]/ : /\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
