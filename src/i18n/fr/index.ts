import { common } from './common.ts';
import { csvImport } from './csv-import.ts';
import { dashboard } from './dashboard.ts';
import { dashboards } from './dashboards.ts';
import { filters } from './filters.ts';
import { drillDialog } from './drill-dialog.ts';
import { live } from './live.ts';
import { properties } from './properties.ts';
import { reportTile } from './report-tile.ts';
import { reportEditor } from './report-editor.ts';
import { reports } from './reports.ts';
import { values } from './values.ts';

/** The French catalog: key for key the English one (catalogs.test.ts checks it). */
export const fr: Record<string, string> = { ...common, ...dashboard, ...dashboards, ...properties, ...reportTile, ...reports, ...values, ...drillDialog, ...reportEditor, ...csvImport, ...live, ...filters };
