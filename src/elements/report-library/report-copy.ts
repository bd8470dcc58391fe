import type { ReportSpec } from '../../core/schema/report-spec.ts';
import { randomSuffix } from '../shared/random-suffix.ts';

/**
 * A library report added to a dashboard is a copy: editing it must not change the template, and
 * the same report may be added twice. Its id keeps the source id in front (`<source>--<random>`),
 * which is how the library recognises reports already on a dashboard without storing anything
 * beyond the spec.
 */
const SEPARATOR = '--';

export function copyReport(spec: ReportSpec): ReportSpec {
  return { ...structuredClone(spec), id: `${spec.id}${SEPARATOR}${randomSuffix()}` };
}

/** True for the library report itself (as the creation wizard stores it) and for its copies. */
export function isCopyOf(id: string, sourceId: string): boolean {
  return id === sourceId || id.startsWith(`${sourceId}${SEPARATOR}`);
}
