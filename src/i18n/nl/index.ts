import { common } from './common.ts';
import { dashboard } from './dashboard.ts';
import { filters } from './filters.ts';
import { live } from './live.ts';
import { properties } from './properties.ts';
import { reportTile } from './report-tile.ts';
import { reports } from './reports.ts';
import { values } from './values.ts';

/** The Dutch catalog but the sections in catalogParts (../catalogs.ts): with them, key for key the English one (catalogs.test.ts checks it). */
export const nl: Record<string, string> = { ...common, ...dashboard, ...properties, ...reportTile, ...reports, ...values, ...live, ...filters };
