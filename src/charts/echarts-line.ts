/**
 * The line chart (lines and areas over time). Imported when a line is first drawn (see
 * `chart-modules.ts`): the default dashboard's first tab draws bars and a donut only.
 */
import { use } from 'echarts/core';
import { LineChart } from 'echarts/charts';

use([LineChart]);
