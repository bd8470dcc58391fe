// How a test drives a <report-editor> computing its preview from a table in the page: the editor
// once its first preview is there, its controls, and waiting for the preview to catch up with the
// draft. A change to that setup is mended here.
import { fixture, html } from '@open-wc/testing';
import '../../src/elements/report-editor/report-editor.ts';
import type { ReportEditor } from '../../src/elements/report-editor/report-editor.ts';
import { computeReport, type ConversationTable, type ReportContext, type ReportSpec } from '../../src/core/index.ts';
import type { Lookups } from '../../src/core/schema/conversation.ts';
import { waitUntil } from '../wait-until.ts';

/** What the editor computes its preview from. */
export interface EditorData {
  table: ConversationTable;
  context: ReportContext;
  lookups?: Partial<Lookups>;
}

/** An editor on `start` (in English unless told), with `extra` set, once its first preview is computed. */
export async function showEditor(start: ReportSpec, data: EditorData, options: { locale?: string; extra?: Partial<ReportEditor> } = {}): Promise<ReportEditor> {
  const el = await fixture<ReportEditor>(
    html`<report-editor locale=${options.locale ?? 'en'} .spec=${start} .table=${data.table} .context=${data.context} .lookups=${data.lookups ?? null}></report-editor>`,
  );
  Object.assign(el, options.extra ?? {});
  await el.updateComplete;
  await waitUntil(() => el.previewResult, 'the preview is computed');
  return el;
}

/** The first match of `selector` in the editor's shadow root; throws, naming it, when there is none. */
export const $ = <T extends Element = HTMLElement>(el: ReportEditor, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector}`);
  return found;
};

/** Waits until the preview shows what core computes for the draft as it is now. */
export async function previewSettled(el: ReportEditor, data: EditorData): Promise<void> {
  await waitUntil(
    () => el.draftSpec && JSON.stringify(el.previewResult) === JSON.stringify(computeReport(data.table, el.draftSpec, data.context)),
    'the preview catches up with the draft',
  );
}
