/** `conversation-reports/drill-dialog`: registers `<drill-dialog>`. */
import '../elements/drill-dialog/drill-dialog.ts';

export { DrillDialog } from '../elements/drill-dialog/drill-dialog.ts';
