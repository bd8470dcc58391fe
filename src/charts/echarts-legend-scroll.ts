/**
 * The scrolling legend: paged with arrows when a chart's series names do not fit on one line.
 * Imported when an option first asks for one (see `chart-modules.ts`): the plain legend, in the
 * first bundle, draws every legend that fits.
 */
import { use } from 'echarts/core';
import { LegendScrollComponent } from 'echarts/components';

use([LegendScrollComponent]);
