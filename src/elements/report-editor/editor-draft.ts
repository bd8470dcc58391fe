import { chartTypeAvailability, type ChartTypeReason } from '../../core/dashboard/chart-type-availability.ts';
import { findProperty, type PropertyInfo } from '../../core/table/properties.ts';
import {
  reportSpecSchema,
  type AggregateOp,
  type ChartType,
  type DateProperty,
  type Filter,
  type FilterOperator,
  type Measure,
  type ReportSpec,
  type TimeBucket,
} from '../../core/schema/report-spec.ts';
import { emptyInput, inputFromValue, valueOf, type CriterionInput, type ValueField } from './filter-values.ts';

/** One filter criterion as the panel edits it. */
export interface Criterion {
  /** Stable across edits, so controls keep their ids and focus. */
  uid: number;
  /** '' until a property is picked. */
  property: string;
  operator: FilterOperator | '';
  input: CriterionInput;
  /** The value as the spec had it, kept verbatim until the value is edited, so an untouched filter saves unchanged. */
  original?: { value: unknown };
  /** Came from the spec's `channel` shorthand: saved back as `channel` while it still reads "channel is chat|email". */
  fromChannel?: boolean;
}

export type MeasureOp = 'count' | AggregateOp | 'share';

/** The report being edited. Fields the editor has no control for (description, sort, limit) ride along in `base`. */
export interface Draft {
  base: ReportSpec;
  title: string;
  chartType: ChartType;
  dimension: string | undefined;
  breakdown: string | undefined;
  timeBucket: TimeBucket | undefined;
  measureOp: MeasureOp;
  /** Kept when the op goes back to count, so choosing "Average" again needs no new drop. */
  measureProperty: string | undefined;
  /** The value a `share` measure counts (v2). */
  shareValue?: string | number | boolean;
  dateProperty: DateProperty;
  /** The applied criteria; the filter panel edits a copy. */
  criteria: Criterion[];
  /** Properties chosen for the report, shown as chips. */
  chips: string[];
}

/** The controls a problem can be shown next to. */
export type ControlId =
  | 'title'
  | 'chartType'
  | 'dimension'
  | 'breakdown'
  | 'timeBucket'
  | 'measure'
  | 'dateProperty'
  | 'form'
  | `criterion-${number}-${'property' | 'operator' | ValueField}`;

export interface DraftProblem {
  control: ControlId;
  /** Where in the spec, as zod would say it. */
  path: (string | number)[];
  /** Suffix of an `editor.error.*` key; `schema` carries zod's own message. */
  code: string;
  message?: string;
  reasons?: ChartTypeReason[];
}

let nextUid = 1;
export function newUid(): number {
  return nextUid++;
}

export function newCriterion(): Criterion {
  return { uid: newUid(), property: '', operator: '', input: emptyInput() };
}

export function isBlank(criterion: Criterion): boolean {
  return criterion.property === '';
}

export function criterionControl(uid: number, field: 'property' | 'operator' | ValueField): ControlId {
  return `criterion-${uid}-${field}`;
}

function criterionFrom(filter: Filter, catalog: readonly PropertyInfo[], timeZone: string): Criterion {
  const info = findProperty(catalog, filter.property);
  return {
    uid: newUid(),
    property: filter.property,
    operator: filter.operator,
    input: info ? inputFromValue(info, filter.operator, filter.value, timeZone) : emptyInput(),
    original: { value: filter.value },
  };
}

function isDate(catalog: readonly PropertyInfo[], name: string | undefined): boolean {
  return name !== undefined && findProperty(catalog, name)?.type === 'date';
}

/** A fresh draft of `spec` (deep-copied: editing never touches the host's object). */
export function draftFromSpec(spec: ReportSpec, catalog: readonly PropertyInfo[], timeZone: string): Draft {
  const base = structuredClone(spec);
  const criteria: Criterion[] = [];
  if (base.channel)
    criteria.push({ ...criterionFrom({ property: 'channel', operator: 'is', value: base.channel }, catalog, timeZone), fromChannel: true });
  for (const filter of base.filters ?? []) criteria.push(criterionFrom(filter, catalog, timeZone));
  const measureProperty = base.measure.op === 'count' ? undefined : base.measure.property;
  const chips = [...new Set([base.dimension, base.breakdown, measureProperty].filter((name): name is string => Boolean(name)))];
  return {
    base,
    title: base.title,
    chartType: base.chartType,
    dimension: base.dimension,
    breakdown: base.breakdown,
    timeBucket: base.timeBucket,
    measureOp: base.measure.op,
    measureProperty,
    ...(base.measure.op === 'share' ? { shareValue: base.measure.value } : {}),
    dateProperty: base.dateProperty ?? 'createdAt',
    criteria,
    chips,
  };
}

export function measureOf(draft: Pick<Draft, 'measureOp' | 'measureProperty' | 'shareValue'>): Measure {
  if (draft.measureOp === 'share') return { op: 'share', property: draft.measureProperty ?? '', value: draft.shareValue ?? '' };
  return draft.measureOp === 'count' ? { op: 'count' } : { op: draft.measureOp, property: draft.measureProperty ?? '' };
}

/** Keeps the time bucket only while a date property groups the report, and gives a new one "day". */
export function withBucket<T extends Pick<Draft, 'dimension' | 'breakdown' | 'timeBucket'>>(draft: T, catalog: readonly PropertyInfo[]): T {
  const dated = isDate(catalog, draft.dimension) || isDate(catalog, draft.breakdown);
  return { ...draft, timeBucket: dated ? (draft.timeBucket ?? 'day') : undefined };
}

export function usesTimeBucket(draft: Pick<Draft, 'dimension' | 'breakdown'>, catalog: readonly PropertyInfo[]): boolean {
  return isDate(catalog, draft.dimension) || isDate(catalog, draft.breakdown);
}

/** The filter a criterion describes, or its problems. */
export function criterionFilter(
  criterion: Criterion,
  catalog: readonly PropertyInfo[],
  options: { timeZone: string; hasList: (property: string) => boolean },
): { filter?: Filter; problems: { field: 'property' | 'operator' | ValueField; code: string }[] } {
  const info = criterion.property ? findProperty(catalog, criterion.property) : undefined;
  if (!info) return { problems: [{ field: 'property', code: 'filterProperty' }] };
  const operator = criterion.operator;
  if (!operator || !info.operators.includes(operator)) return { problems: [{ field: 'operator', code: 'filterOperator' }] };
  if (criterion.original) {
    const filter: Filter = { property: info.name, operator, value: criterion.original.value };
    if (criterion.original.value === undefined) delete filter.value;
    return { filter, problems: [] };
  }
  const { value, problems } = valueOf(info, operator, criterion.input, {
    timeZone: options.timeZone,
    hasList: options.hasList(info.name),
  });
  if (problems.length > 0) return { problems: problems.map((p) => ({ field: p.field, code: `filter.${p.code}` })) };
  return { filter: value === undefined ? { property: info.name, operator } : { property: info.name, operator, value }, problems: [] };
}

function controlForPath(path: (string | number)[], filterUids: number[]): ControlId {
  const [head, index, field] = path;
  switch (head) {
    case 'title':
    case 'chartType':
    case 'dimension':
    case 'breakdown':
    case 'timeBucket':
    case 'dateProperty':
      return head;
    case 'measure':
      return 'measure';
    case 'filters': {
      const uid = typeof index === 'number' ? filterUids[index] : undefined;
      if (uid === undefined) return 'form';
      return criterionControl(uid, field === 'property' ? 'property' : field === 'operator' ? 'operator' : 'value');
    }
    default:
      return 'form';
  }
}

/**
 * The spec a draft describes, with every problem that keeps it from being saved: the editor's own
 * checks first (each tied to the control that fixes it), then whatever `reportSpecSchema` still
 * refuses. `spec` is usable for a preview even when there are problems (invalid criteria left out).
 */
export function buildSpec(
  draft: Draft,
  criteria: readonly Criterion[],
  catalog: readonly PropertyInfo[],
  options: { timeZone: string; hasList: (property: string) => boolean },
): { spec: ReportSpec; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const title = draft.title.trim();
  if (!title) problems.push({ control: 'title', path: ['title'], code: 'title' });
  else if (title.length > 200) problems.push({ control: 'title', path: ['title'], code: 'titleLong' });

  for (const slot of ['dimension', 'breakdown'] as const) {
    const name = draft[slot];
    if (name === undefined) continue;
    const info = findProperty(catalog, name);
    if (!info) problems.push({ control: slot, path: [slot], code: 'unknownProperty' });
    else if (!info.groupable) problems.push({ control: slot, path: [slot], code: 'notGroupable' });
  }

  const measure = measureOf(draft);
  if (measure.op !== 'count') {
    const info = draft.measureProperty ? findProperty(catalog, draft.measureProperty) : undefined;
    if (!info) problems.push({ control: 'measure', path: ['measure', 'property'], code: 'measureProperty' });
    else if (measure.op === 'share' ? !info.shareable : !info.measures.includes(measure.op)) problems.push({ control: 'measure', path: ['measure', 'op'], code: 'measureOp' });
  }

  const availability = chartTypeAvailability({ dimension: draft.dimension, breakdown: draft.breakdown, measure });
  const chart = availability[draft.chartType];
  if (!chart.available) problems.push({ control: 'chartType', path: ['chartType'], code: 'chartType', reasons: chart.reasons });

  let channel: 'chat' | 'email' | undefined;
  const filters: Filter[] = [];
  const filterUids: number[] = [];
  for (const criterion of criteria) {
    // A criterion whose property was never picked (AND pressed, then left) is no criterion at all.
    if (isBlank(criterion)) continue;
    const result = criterionFilter(criterion, catalog, options);
    for (const problem of result.problems)
      problems.push({
        control: criterionControl(criterion.uid, problem.field),
        path: ['filters', filters.length, problem.field === 'property' || problem.field === 'operator' ? problem.field : 'value'],
        code: problem.code,
      });
    const filter = result.filter;
    if (!filter) continue;
    if (
      criterion.fromChannel &&
      channel === undefined &&
      filter.property === 'channel' &&
      filter.operator === 'is' &&
      (filter.value === 'chat' || filter.value === 'email')
    ) {
      channel = filter.value;
      continue;
    }
    filters.push(filter);
    filterUids.push(criterion.uid);
  }

  const { base } = draft;
  const spec: ReportSpec = {
    id: base.id,
    title,
    ...(base.description !== undefined ? { description: base.description } : {}),
    ...(channel ? { channel } : {}),
    chartType: draft.chartType,
    ...(draft.dimension ? { dimension: draft.dimension } : {}),
    ...(draft.timeBucket && usesTimeBucket(draft, catalog) ? { timeBucket: draft.timeBucket } : {}),
    ...(draft.breakdown ? { breakdown: draft.breakdown } : {}),
    measure,
    filters,
    dateProperty: draft.dateProperty,
    ...(base.sort ? { sort: base.sort } : {}),
    ...(base.limit !== undefined ? { limit: base.limit } : {}),
  };

  const parsed = reportSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const covered = new Set(problems.map((p) => p.control));
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
      const control = controlForPath(path, filterUids);
      if (covered.has(control)) continue;
      covered.add(control);
      problems.push({ control, path, code: 'schema', message: issue.message });
    }
  }
  return { spec: parsed.success ? parsed.data : spec, problems };
}
