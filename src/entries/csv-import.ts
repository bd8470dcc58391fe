/** `conversation-reports/csv-import`: registers `<csv-import>` (CSV parsing with papaparse included). */
import '../elements/csv-import/csv-import.ts';

export { CsvImport } from '../elements/csv-import/csv-import.ts';
