/**
 * The SVG renderer: queryable DOM, used by tests and by hosts that want crisp print and export.
 * Imported only when a chart asks for it (see `chart-modules.ts`); the canvas renderer paints first.
 */
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([SVGRenderer]);
