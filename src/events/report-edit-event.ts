import type { ReportSpec } from '../core/schema/report-spec.ts';

/** The user asked to edit a report (tile Actions → Edit). */
export class ReportEditEvent extends CustomEvent<{ reportId: string; spec: ReportSpec }> {
  static readonly type = 'report-edit';
  constructor(spec: ReportSpec) {
    super(ReportEditEvent.type, { detail: { reportId: spec.id, spec }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-edit': ReportEditEvent;
  }
}
