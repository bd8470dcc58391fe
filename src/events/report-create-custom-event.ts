/** "Custom report" was chosen in the report library; the host opens the report editor on a new report. */
export class ReportCreateCustomEvent extends CustomEvent<Record<string, never>> {
  static readonly type = 'report-create-custom';
  constructor() {
    super(ReportCreateCustomEvent.type, { detail: {}, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'report-create-custom': ReportCreateCustomEvent;
  }
}
