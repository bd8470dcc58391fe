/** `conversation-reports/report-tile`: registers `<report-tile>` (and its internal chart view). */
import '../elements/report-tile/report-tile.ts';

export { ReportTile } from '../elements/report-tile/report-tile.ts';
