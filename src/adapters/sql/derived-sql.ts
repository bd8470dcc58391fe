import type { SqlParams, SqlDialect } from './sql-dialect.ts';
import type { SqlExpr, ResolvedSqlSchema } from './sql-schema.ts';
import type { Lookups } from '../../core/schema/conversation.ts';
import type { ReportContext } from '../../core/types.ts';

/** A derived property the push-down does not compute (the browser engine does). */
export class UnsupportedPushDownError extends Error {
  override name = 'UnsupportedPushDownError';
}

/** What derived properties are computed from. `now` is fixed once per statement. */
export interface DerivedSqlInput {
  schema: ResolvedSqlSchema;
  dialect: SqlDialect;
  params: SqlParams;
  lookups: Lookups;
  context: ReportContext;
  now: number;
}

/** The local wall-clock time of an epoch-ms instant in a zone (a bound text parameter), per dialect. */
function localTime(d: SqlDialect, epochMs: string, zone: string): string {
  switch (d.name) {
    case 'duckdb':
      return `timezone(${zone}, timezone('UTC', epoch_ms(CAST(${epochMs} AS BIGINT))))`;
    case 'postgres':
      return `((TIMESTAMPTZ 'epoch' + ${epochMs} * INTERVAL '1 millisecond') AT TIME ZONE ${zone})`;
    case 'clickhouse':
      return `fromUnixTimestamp64Milli(toInt64(${epochMs}), ${zone})`;
  }
}

function weekday(d: SqlDialect, local: string): string {
  switch (d.name) {
    case 'duckdb':
      return `isodow(${local})`;
    case 'postgres':
      return `extract(isodow from ${local})`;
    case 'clickhouse':
      // Mode 0: Monday = 1 … Sunday = 7, as ISO.
      return `toDayOfWeek(${local})`;
  }
}

function hour(d: SqlDialect, local: string): string {
  switch (d.name) {
    case 'duckdb':
      return `hour(${local})`;
    case 'postgres':
      return `extract(hour from ${local})`;
    case 'clickhouse':
      return `toHour(${local})`;
  }
}

const BUSINESS = new Set(['responseTimeBusiness', 'timeToCloseBusiness']);

/**
 * (DESIGN v2) Derived properties as SQL, with the browser engine's meanings: `teamId` from the
 * lookups, `createdWeekday`/`createdHour` in `context.timeZone`, SLA states against `context.sla`
 * with `now` bound once. Business-hour spans (and SLAs counted in business hours) are refused with
 * an `UnsupportedPushDownError`: their schedule layout would have to cover every instant the data
 * holds, which a statement compiled without reading the data cannot bound. Undefined for any other
 * name.
 */
export function derivedSql(input: DerivedSqlInput, name: string): SqlExpr | undefined {
  const { schema, dialect: d, params, lookups, context, now } = input;
  const c = (column: 'assigneeId' | 'createdAt' | 'firstResponseAt' | 'closedAt') => schema.column(column);
  switch (name) {
    case 'teamId': {
      const teams = lookups.assignees.filter((a) => a.teamId !== undefined);
      if (teams.length === 0) return { sql: d.cast('NULL', 'text'), kind: 'text' };
      const cases = teams.map((a) => `WHEN ${params.text(a.id)} THEN ${params.text(a.teamId!)}`);
      return { sql: `(CASE ${c('assigneeId')} ${cases.join(' ')} ELSE ${d.cast('NULL', 'text')} END)`, kind: 'text' };
    }
    case 'createdWeekday':
      return { sql: d.cast(weekday(d, localTime(d, c('createdAt'), params.text(context.timeZone))), 'double'), kind: 'number' };
    case 'createdHour':
      return { sql: d.cast(hour(d, localTime(d, c('createdAt'), params.text(context.timeZone))), 'double'), kind: 'number' };
    case 'firstResponseSla':
    case 'closeSla': {
      const first = name === 'firstResponseSla';
      const target = first ? context.sla?.firstResponseMs : context.sla?.closeMs;
      if (target === undefined) return { sql: d.cast('NULL', 'text'), kind: 'text' };
      if (context.sla?.businessHours)
        throw new UnsupportedPushDownError(`"${name}" in business hours is computed in the browser; the SQL push-down counts SLAs in plain time only.`);
      const end = c(first ? 'firstResponseAt' : 'closedAt');
      const created = c('createdAt');
      const limit = params.number(target);
      const met = params.text('met');
      const breached = params.text('breached');
      return {
        sql: `(CASE WHEN ${end} IS NOT NULL THEN (CASE WHEN ${end} - ${created} <= ${limit} THEN ${met} ELSE ${breached} END) WHEN ${params.number(now)} - ${created} > ${limit} THEN ${breached} ELSE ${params.text('pending')} END)`,
        kind: 'text',
      };
    }
  }
  if (BUSINESS.has(name))
    throw new UnsupportedPushDownError(`"${name}" (business hours) is computed in the browser; the SQL push-down does not compute business hours.`);
  return undefined;
}
