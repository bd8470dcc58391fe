import * as z from 'zod/mini';

export const chartTypes = ['bar', 'column', 'line', 'area', 'pie', 'donut', 'table', 'kpi', 'heatmap'] as const;
export const timeBuckets = ['hour', 'day', 'week', 'month', 'quarter'] as const;
export const aggregateOps = ['avg', 'median', 'p90', 'min', 'max', 'sum'] as const;
export const filterOperators = [
  'is', 'isNot', 'in', 'notIn', 'known', 'unknown', 'gt', 'gte', 'lt', 'lte', 'between', 'contains',
] as const;
export const dateProperties = ['createdAt', 'closedAt', 'firstResponseAt'] as const;

export type ChartType = (typeof chartTypes)[number];
export type TimeBucket = (typeof timeBuckets)[number];
export type AggregateOp = (typeof aggregateOps)[number];
/** Every measure op: count, the aggregates, and (v2) share. */
export type MeasureOp = Measure['op'];
export type FilterOperator = (typeof filterOperators)[number];
export type DateProperty = (typeof dateProperties)[number];

const nonEmpty = z.string().check(z.minLength(1, { error: 'is required' }));

export const measureSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('count') }),
  z.object({ op: z.enum(aggregateOps), property: nonEmpty }),
  /** (v2) The fraction (0–1) of the group's conversations whose `property` is `value`, among those where it is not null. */
  z.object({ op: z.literal('share'), property: nonEmpty, value: z.union([z.string(), z.number(), z.boolean()]) }),
]);
export type Measure = z.output<typeof measureSchema>;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const filterSchema = z
  .object({
    property: nonEmpty,
    operator: z.enum(filterOperators),
    value: z.optional(z.unknown()),
  })
  .check(
    z.superRefine((filter, ctx) => {
      const { operator, value } = filter;
      const fail = (message: string) => ctx.addIssue({ code: 'custom', message, path: ['value'], input: value });
      switch (operator) {
        case 'is':
        case 'isNot':
          if (!scalar.safeParse(value).success) fail('needs one value (text, number, true/false or null)');
          break;
        case 'in':
        case 'notIn':
          if (!Array.isArray(value) || !value.every((v) => scalar.safeParse(v).success)) fail('needs a list of values');
          break;
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
          if (typeof value !== 'number' || !Number.isFinite(value)) fail('needs a number');
          break;
        case 'between':
          if (
            !Array.isArray(value) ||
            value.length !== 2 ||
            !value.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
            (value[0] as number) > (value[1] as number)
          )
            fail('needs [min, max] with min ≤ max');
          break;
        case 'contains':
          if (typeof value !== 'string') fail('needs a text value');
          break;
        case 'known':
        case 'unknown':
          break;
      }
    }),
  );
export type Filter = z.output<typeof filterSchema>;

export const sortSchema = z.object({
  by: z.enum(['value', 'label', 'key']),
  direction: z.enum(['asc', 'desc']),
});

export const reportSpecSchema = z.object({
  id: nonEmpty,
  title: z.string().check(z.minLength(1, { error: 'Give the report a name' }), z.maxLength(200)),
  description: z.optional(z.string()),
  channel: z.optional(z.enum(['chat', 'email'])),
  chartType: z.enum(chartTypes),
  dimension: z.optional(nonEmpty),
  timeBucket: z.optional(z.enum(timeBuckets)),
  breakdown: z.optional(nonEmpty),
  measure: measureSchema,
  filters: z._default(z.array(filterSchema), []),
  dateProperty: z._default(z.enum(dateProperties), 'createdAt'),
  sort: z.optional(sortSchema),
  limit: z.optional(z.number().check(z.int(), z.positive())),
});

export type ReportSpec = z.output<typeof reportSpecSchema>;
export type ReportSpecInput = z.input<typeof reportSpecSchema>;
