import { dayNumber, scheduleFor, weekMinutes } from '../../core/time/business-time.ts';
import type { BusinessHours, Schedule } from '../../core/schema/business-hours.ts';
import type { SqlDialect, SqlParams } from './sql-dialect.ts';
import type { ResolvedSqlSchema } from './sql-schema.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Offsets are sampled this often (in hours), as the engine does; each change is then found to the second. */
const STEP = 6;
const DAY = 86_400_000;

/**
 * Business spans as SQL, one statement, bound parameters only, exact to the millisecond like
 * `BusinessClock` (src/core/time/business-time.ts): an instant is open when its wall-clock time in the
 * schedule's zone falls in an open interval of its weekday on a day that is no holiday.
 *
 * No schedule is laid out over the data. The open wall-clock time before a wall-clock instant L,
 * G(L), is plain arithmetic on the week (whole weeks × the week's open time, the weekday's prefix,
 * the part of today, less the holidays before), so it needs no bounds. Open time up to an instant
 * t is G(wall(t)) as long as the zone's offset does not change; at each change τ the wall clock
 * jumps from τ + before to τ + after and G with it, although no open time passed. So
 *
 *   span(a, b) = G(wall(b)) − G(wall(a)) − Σ over changes τ in (a, b] of [G(τ + after) − G(τ + before)]
 *
 * which counts a repeated hour twice and a skipped one not at all, as the engine does. The changes
 * are the only thing read from the zone data, and only the engine knows them: a CTE finds them
 * inside the data's time bounds (UTC offsets every 6 hours, each change then found to the second
 * in its step, as the engine samples and bisects), and each schedule's jumps are summed per
 * row (a correlated subquery; in ClickHouse, a lambda over the changes gathered into one array).
 * Wall-clock times only ever come from instant → local conversions, which are unambiguous in every
 * dialect; no local time is turned back into an instant, so no dialect's rule for skipped or
 * repeated local times matters.
 */
export class BusinessSql {
  /** CTE name → body, in the order they must come. */
  readonly ctes = new Map<string, string>();
  readonly #zones = new Map<string, string>();
  readonly #schedules = new Map<string, string>();

  constructor(
    readonly dialect: SqlDialect,
    readonly params: SqlParams,
    readonly schema: ResolvedSqlSchema,
    readonly now: number,
  ) {}

  /** Business time from `createdAt` to `end` (0 when end ≤ createdAt, NULL when end is). */
  span(hours: BusinessHours, end: 'firstResponseAt' | 'closedAt' | 'now'): string {
    const a = this.schema.column('createdAt');
    const b = end === 'now' ? this.params.number(this.now) : this.schema.column(end);
    const inbox = this.schema.column('inboxId');
    const own = Object.entries(hours.byInbox ?? {}).filter(([id]) => scheduleFor(hours, id) !== hours);
    const top = this.#spanIn(hours, a, b);
    const chosen =
      own.length === 0 ? top : `(CASE ${own.map(([id, schedule]) => `WHEN ${inbox} = ${this.params.text(id)} THEN ${this.#spanIn(schedule, a, b)}`).join(' ')} ELSE ${top} END)`;
    return `(CASE WHEN ${b} IS NULL THEN ${this.dialect.cast('NULL', 'double')} WHEN ${b} > ${a} THEN ${this.dialect.cast(chosen, 'double')} ELSE ${this.dialect.cast('0', 'double')} END)`;
  }

  #spanIn(schedule: Schedule, a: string, b: string): string {
    const d = this.dialect;
    const zone = this.params.text(schedule.timeZone);
    const g = (instant: string) => this.#openAt(schedule, wallMs(d, instant, zone));
    const jumps = this.#jumps(schedule);
    const between =
      d.name === 'clickhouse'
        ? `arraySum(x -> if(tupleElement(x, 1) > ${a} AND tupleElement(x, 1) <= ${b}, ifNull(tupleElement(x, 2), 0), 0), (SELECT groupArray((cr_at, cr_j)) FROM ${jumps}))`
        : `(SELECT coalesce(sum(cr_j), 0) FROM ${jumps} WHERE cr_at > ${a} AND cr_at <= ${b})`;
    return `(${g(b)} - ${g(a)} - ${between})`;
  }

  /**
   * G(wall) for a row's instant. PostgreSQL repeats an expression at every use (no common
   * subexpressions), and G uses the wall clock a dozen times: inline, one span cost 100+ zone
   * conversions per row and a statement so large that its JIT compilation took most of the time. So
   * there the wall clock is computed once, in a scalar subquery that `OFFSET 0` keeps from being
   * folded back in. DuckDB and ClickHouse share common subexpressions themselves.
   */
  #openAt(schedule: Schedule, wall: string): string {
    if (this.dialect.name !== 'postgres') return this.#openInline(schedule, wall);
    const w = this.dialect.cast(wall, 'double');
    return `(SELECT ${this.#open(schedule, 'cr_x', 'cr_d')} FROM (SELECT cr_x, floor(cr_x / ${DAY}) AS cr_d FROM (SELECT ${w} AS cr_x OFFSET 0) cr_q4 OFFSET 0) cr_q5)`;
  }

  #openInline(schedule: Schedule, wall: string): string {
    const w = this.dialect.cast(wall, 'double');
    return this.#open(schedule, w, `floor(${w} / ${DAY})`);
  }

  /**
   * G(L): open wall-clock ms before the wall-clock instant L (ms as if UTC, a double `w`; `day` is
   * floor(w / DAY)), from a fixed origin.
   */
  #open(schedule: Schedule, w: string, day: string): string {
    const p = this.params;
    // Doubles throughout: ClickHouse finds no common type for Int64 and Float64 in least/greatest.
    const num = (value: number) => p.add(value, 'double');
    const week = weekMinutes(schedule);
    const dayOpen = week.map((intervals) => intervals.reduce((sum, [s, e]) => sum + (e - s) * MINUTE, 0));
    const weekOpen = dayOpen.reduce((x, y) => x + y, 0);
    if (weekOpen === 0) return '0';
    // Day 0 (1970-01-01) was a Thursday: m counts days from Monday 1969-12-29.
    // w is a double: PostgreSQL divides integers with truncation.
    const m = `(${day} + 3)`;
    const weekday = `(${m} - 7 * floor(${m} / 7))`;
    const ms = `(${w} - ${day} * ${DAY})`;
    let prefix = 0;
    const prefixes = dayOpen.map((open) => ((prefix += open), prefix - open));
    const beforeToday = `(CASE ${weekday} ${prefixes.map((v, k) => `WHEN ${k} THEN ${num(v)}`).join(' ')} END)`;
    const today = week
      .map((intervals, k) => [k, intervals] as const)
      .filter(([, intervals]) => intervals.length > 0)
      .map(([k, intervals]) => `WHEN ${k} THEN ${intervals.map(([s, e]) => `greatest(0, least(${num(e * MINUTE)}, ${ms}) - ${num(s * MINUTE)})`).join(' + ')}`);
    const holidays = [...new Set((schedule.holidays ?? []).map(dayNumber))].filter((h) => dayOpen[(((h + 3) % 7) + 7) % 7]! > 0);
    const past = holidays.map((h) => `(CASE WHEN ${day} > ${num(h)} THEN ${num(dayOpen[(((h + 3) % 7) + 7) % 7]!)} ELSE 0 END)`);
    const todayOpen = `(CASE ${weekday} ${today.join(' ')} ELSE 0 END)`;
    const closedToday = holidays.length > 0 ? `${day} IN (${holidays.map((h) => num(h)).join(', ')})` : 'FALSE';
    return `(floor(${m} / 7) * ${num(weekOpen)} + ${beforeToday}${past.map((x) => ` - ${x}`).join('')} + (CASE WHEN ${closedToday} THEN 0 ELSE ${todayOpen} END))`;
  }

  /** The CTE of one schedule's jumps of G at each offset change of its zone inside the data's bounds. */
  #jumps(schedule: Schedule): string {
    const key = JSON.stringify(schedule);
    let name = this.#schedules.get(key);
    if (name) return name;
    const changes = this.#changes(schedule.timeZone);
    name = `cr_bj${this.#schedules.size + 1}`;
    this.#schedules.set(key, name);
    const jump = `${this.#openInline(schedule, '(cr_at + cr_oa)')} - ${this.#openInline(schedule, '(cr_at + cr_ob)')}`;
    this.#cte(name, `SELECT cr_at, ${this.dialect.cast(jump, 'double')} AS cr_j FROM ${changes}`);
    return name;
  }

  /** The CTE of a zone's offset changes (instant, offset after, offset before; ms) inside the data's bounds. */
  #changes(timeZone: string): string {
    let name = this.#zones.get(timeZone);
    if (name) return name;
    const d = this.dialect;
    const zone = this.params.text(timeZone);
    const bounds = this.#bounds();
    name = `cr_btz${this.#zones.size + 1}`;
    this.#zones.set(timeZone, name);
    const offset = (instant: string) => `(${wallMs(d, instant, zone)} - ${instant})`;
    const hours = `${name}h`;
    // Steps of STEP hours whose end has another offset than their start: a change lies in (start, end].
    this.#cte(
      hours,
      `SELECT cr_hr, cr_oa, cr_ob FROM (SELECT cr_hr, ${offset(`cr_hr * ${STEP * HOUR}`)} AS cr_oa, ${offset(`(cr_hr - 1) * ${STEP * HOUR}`)} AS cr_ob FROM (SELECT ${series(d, 'cr_lo', 'cr_hi')} AS cr_hr FROM ${bounds}) cr_q1) cr_q2 WHERE cr_oa <> cr_ob`,
    );
    // The first whole second of that step with the new offset (offsets change on whole seconds).
    this.#cte(
      name,
      `SELECT ${int(d, 'min(cr_sec) * 1000')} AS cr_at, cr_oa, cr_ob FROM (SELECT cr_hr, cr_oa, cr_ob, ${series(d, `(cr_hr - 1) * ${STEP * 3600} + 1`, `cr_hr * ${STEP * 3600}`)} AS cr_sec FROM ${hours}) cr_q3 WHERE ${offset('cr_sec * 1000')} = cr_oa GROUP BY cr_hr, cr_oa, cr_ob`,
    );
    return name;
  }

  /** The steps of STEP hours (since the epoch) the data's instants and `now` lie in, a day more on both sides. */
  #bounds(): string {
    const name = 'cr_bb';
    if (this.ctes.has(name)) return name;
    const d = this.dialect;
    const now = this.params.number(this.now);
    const c = (column: 'createdAt' | 'firstResponseAt' | 'closedAt', f: 'min' | 'max') => `coalesce(${f}(${this.schema.column(column)}), ${now})`;
    this.#cte(
      name,
      `SELECT ${int(d, `floor(least(${c('createdAt', 'min')}, ${now}) / ${STEP * HOUR}) - 4`)} AS cr_lo, ${int(d, `floor(greatest(${c('createdAt', 'max')}, ${c('firstResponseAt', 'max')}, ${c('closedAt', 'max')}, ${now}) / ${STEP * HOUR}) + 4`)} AS cr_hi FROM ${this.schema.table}`,
    );
    return name;
  }

  #cte(name: string, body: string): void {
    // PostgreSQL would inline a CTE named once into each correlated subquery, recomputing it per row.
    this.ctes.set(name, `${name} AS ${this.dialect.name === 'postgres' ? 'MATERIALIZED ' : ''}(\n  ${body}\n)`);
  }
}

/** A whole number, non-nullable (ClickHouse's `range` takes no Nullable). */
function int(d: SqlDialect, expression: string): string {
  return d.name === 'clickhouse' ? `toInt64(${expression})` : `CAST(${expression} AS BIGINT)`;
}

/** One row per whole number from `lo` to `hi` (inclusive), as a select-list expression. */
function series(d: SqlDialect, lo: string, hi: string): string {
  switch (d.name) {
    case 'duckdb':
      return `unnest(range(CAST(${lo} AS BIGINT), CAST(${hi} AS BIGINT) + 1))`;
    case 'postgres':
      return `generate_series(CAST(${lo} AS BIGINT), CAST(${hi} AS BIGINT))`;
    case 'clickhouse':
      return `arrayJoin(range(toInt64(${lo}), toInt64(${hi}) + 1))`;
  }
}

/** Wall-clock time (ms, read as if UTC) of an epoch-ms instant in a zone (a bound text parameter), as a double. */
function wallMs(d: SqlDialect, instant: string, zone: string): string {
  switch (d.name) {
    case 'duckdb':
      return `CAST(epoch_ms(timezone(${zone}, timezone('UTC', epoch_ms(CAST(${instant} AS BIGINT))))) AS DOUBLE)`;
    case 'postgres':
      return `CAST(extract(epoch from ((TIMESTAMPTZ 'epoch' + CAST(${instant} AS BIGINT) * INTERVAL '1 millisecond') AT TIME ZONE ${zone})) * 1000 AS double precision)`;
    case 'clickhouse':
      return `(toFloat64(${instant}) + 1000 * timeZoneOffset(fromUnixTimestamp64Milli(toInt64(${instant}), ${zone})))`;
  }
}
