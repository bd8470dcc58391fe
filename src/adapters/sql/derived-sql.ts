import type { SqlParams, SqlDialect } from './sql-dialect.ts';
import type { SqlExpr, ResolvedSqlSchema } from './sql-schema.ts';
import type { Lookups } from '../../core/schema/conversation.ts';
import type { ReportContext } from '../../core/types.ts';
import type { BusinessSql } from './business-sql.ts';
import { MissingBusinessHoursError } from '../../core/errors.ts';

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
  /** The statement's business-span builder (it collects the CTEs the spans need). */
  business: () => BusinessSql;
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

/** The context's business hours, or the engine's error when a property needs them and there are none. */
function needsHours(property: string, context: ReportContext) {
  if (!context.businessHours) throw new MissingBusinessHoursError(property);
  return context.businessHours;
}

/**
 * (DESIGN v2) Derived properties as SQL, with the browser engine's meanings: `teamId` from the
 * lookups, `createdWeekday`/`createdHour` in `context.timeZone`, SLA states against `context.sla`
 * with `now` bound once, business spans (and SLAs counted in them) through `BusinessSql`, exact to
 * the millisecond. Undefined for any other name.
 */
export function derivedSql(input: DerivedSqlInput, name: string): SqlExpr | undefined {
  const { schema, dialect: d, params, lookups, context, now, business } = input;
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
      const endColumn = first ? 'firstResponseAt' : 'closedAt';
      const end = c(endColumn);
      const created = c('createdAt');
      const limit = params.number(target);
      const met = params.text('met');
      const breached = params.text('breached');
      let ended = `${end} - ${created}`;
      let waited = `${params.number(now)} - ${created}`;
      if (context.sla?.businessHours) {
        const hours = needsHours(`${name}" with "sla.businessHours`, context);
        ended = business().span(hours, endColumn);
        waited = business().span(hours, 'now');
      }
      return {
        sql: `(CASE WHEN ${end} IS NOT NULL THEN (CASE WHEN ${ended} <= ${limit} THEN ${met} ELSE ${breached} END) WHEN ${waited} > ${limit} THEN ${breached} ELSE ${params.text('pending')} END)`,
        kind: 'text',
      };
    }
    case 'responseTimeBusiness':
      return { sql: business().span(needsHours(name, context), 'firstResponseAt'), kind: 'number' };
    case 'timeToCloseBusiness':
      return { sql: business().span(needsHours(name, context), 'closedAt'), kind: 'number' };
  }
  return undefined;
}
