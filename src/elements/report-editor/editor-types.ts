/** A message by key in the editor's locale (see `translate`). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The Display slots a property chip can go into. */
export type Slot = 'dimension' | 'breakdown' | 'measure';
export const slots: readonly Slot[] = ['dimension', 'breakdown', 'measure'];

/** Drag data type of a property chip: other drags (files, text) are not accepted by the slots. */
export const CHIP_MIME = 'application/x-conversation-report-property';

/** A problem `validate()` found, with the control it belongs to and a localized message. */
export interface EditorIssue {
  /** `title`, `chartType`, `dimension`, `breakdown`, `timeBucket`, `measure`, `dateProperty`, `form`, or `criterion-<uid>-<field>`. */
  control: string;
  /** Where in the spec, as `reportSpecSchema` would say it (e.g. `['filters', 1, 'value']`). */
  path: (string | number)[];
  message: string;
}

/** The editor's left-panel tabs. */
export type Tab = 'chart' | 'data';
