/**
 * `conversation-reports/conversation-dashboard`: registers `<conversation-dashboard>` and what it
 * renders (`<report-tile>`, `<drill-dialog>`, the wizard, settings and report library; the report
 * editor loads from its own chunk when first opened).
 */
import '../elements/conversation-dashboard/conversation-dashboard.ts';

export { ConversationDashboard } from '../elements/conversation-dashboard/conversation-dashboard.ts';
