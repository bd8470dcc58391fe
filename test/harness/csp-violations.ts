// What test/fixtures/csp-violations.js records in a page: one entry per Content-Security-Policy
// violation, in `window.__cspViolations`.

/** One violation, as the recorder writes it. */
export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

/** A page's window once the recorder ran in it. */
export type CspRecordingWindow = Window & { __cspViolations: CspViolation[] };
