import { common } from './common.ts';
import { dashboard } from './dashboard.ts';
import { filters } from './filters.ts';
import { live } from './live.ts';
import { properties } from './properties.ts';
import { reportTile } from './report-tile.ts';
import { reports } from './reports.ts';
import { values } from './values.ts';

/**
 * The English catalog in the first paint, everyone's fallback: the sections every page may show. The
 * sections of lazily-loaded elements (catalogParts in ../catalogs.ts) load with them. With those,
 * it is the reference every other catalog must match key for key.
 */
export const en: Record<string, string> = { ...common, ...dashboard, ...properties, ...reportTile, ...reports, ...values, ...live, ...filters };
