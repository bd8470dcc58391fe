import * as z from 'zod/mini';
import { filterSchema, type Filter, type ReportSpec } from '../schema/report-spec.ts';

/**
 * (v2) Dashboard-level filters: ANDed into every report of a dashboard by adding them to the spec's
 * own `filters`. Going through the spec is what makes every path honour them alike: the in-browser
 * engine, the engine Worker, a push-down source's SQL and the server protocol all read
 * `spec.filters` already, and a result cached under a spec is never mistaken for a filtered one.
 */
export function withDashboardFilters<T extends Pick<ReportSpec, 'filters'>>(spec: T, filters: readonly Filter[] | null | undefined): T {
  if (!filters || filters.length === 0) return spec;
  return { ...spec, filters: [...spec.filters, ...filters] };
}

/** At most this many dashboard filters, and this many characters of them in a URL (a link is untrusted input). */
export const MAX_DASHBOARD_FILTERS = 20;
export const MAX_FILTER_PARAM_LENGTH = 4000;

const filterListSchema = z.array(filterSchema).check(z.maxLength(MAX_DASHBOARD_FILTERS));

/** The filters as a URL parameter value (JSON), or null when there are none. */
export function filtersParam(filters: readonly Filter[]): string | null {
  return filters.length === 0 ? null : JSON.stringify(filters);
}

/**
 * The filters a URL parameter names, or undefined when it cannot be read (too long, not JSON, not a
 * list of valid filters): a hand-edited link then leaves the dashboard's filters as they are.
 */
export function parseFiltersParam(text: string): Filter[] | undefined {
  if (text.length > MAX_FILTER_PARAM_LENGTH) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = filterListSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
