/** `conversation-reports/report-editor`: registers `<report-editor>` (and `<report-tile>` for its preview). */
import '../elements/report-editor/report-editor.ts';

export { ReportEditor } from '../elements/report-editor/report-editor.ts';
