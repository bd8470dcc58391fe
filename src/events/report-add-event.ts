import type { ReportSpec } from '../core/schema/report-spec.ts';

export interface ReportAddDetail {
  /** A copy of the library report with a fresh id, ready to append to the dashboard. */
  spec: ReportSpec;
  /** The id of the library report it was copied from. */
  sourceId: string;
}

/** A report was chosen in the report library; the host adds `spec` to its dashboard and saves it. */
export class ReportAddEvent extends CustomEvent<ReportAddDetail> {
  static readonly type = 'report-add';
  constructor(detail: ReportAddDetail) {
    super(ReportAddEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-add': ReportAddEvent;
  }
}
