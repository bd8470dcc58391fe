import * as z from 'zod/mini';
import { drillPageRequestSchema } from '../core/schema/drill-page.ts';
import { reportContextSchema } from '../core/schema/report-context.ts';
import { reportSpecSchema } from '../core/schema/report-spec.ts';

const groupKey = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * A report request as the browser sends it (`ServerDataSource`): the same spec, context and page
 * schemas the browser validates with. Never SQL. Unknown keys are stripped here and refused by the
 * handler (`droppedKey`), which names them.
 */
export const reportRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('query'), spec: reportSpecSchema, context: reportContextSchema }),
  z.object({
    op: z.literal('drill'),
    spec: reportSpecSchema,
    context: reportContextSchema,
    point: z.object({ key: groupKey, series: z.optional(groupKey) }),
    page: z.optional(drillPageRequestSchema),
  }),
  z.object({ op: z.literal('lookups') }),
]);

export type ReportRequest = z.output<typeof reportRequestSchema>;

/**
 * The first key of `raw` that validation dropped, as a path ("spec.filters.0.evil"): the schemas
 * strip unknown keys, the server refuses them instead (a `sql` field, `__proto__`, a typo).
 */
export function droppedKey(raw: unknown, parsed: unknown, path: string[] = []): string | null {
  if (Array.isArray(raw)) {
    if (!Array.isArray(parsed)) return null;
    for (let i = 0; i < raw.length; i++) {
      const found = droppedKey(raw[i], parsed[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (raw === null || typeof raw !== 'object' || parsed === null || typeof parsed !== 'object' || raw === parsed) return null;
  for (const key of Object.keys(raw)) {
    const here = [...path, key];
    if (!Object.hasOwn(parsed, key)) return here.join('.');
    const found = droppedKey((raw as Record<string, unknown>)[key], (parsed as Record<string, unknown>)[key], here);
    if (found) return found;
  }
  return null;
}
