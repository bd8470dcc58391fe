// What the default dashboard downloads before it paints (test/check-bundle-size.mjs): the fr/nl
// catalogs are not part of it, they load from chunks of their own when their locale is used; nor
// are the ECharts parts its first paint does not draw (the tooltip, the line chart), the drill
// dialog, or the Arrow (flechette) and columnar readers, which load when such a page arrives.
// Needs a build (`npm test` builds before the Node tests).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LAZY_ONLY, bundleSizes, firstPaintModules } from '../check-bundle-size.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const modulesFile = join(dist, '.vite', 'bundle-modules.json');

describe('first paint', () => {
  it('has a build with its module list to check (run `npx vite build` first)', () => {
    assert.ok(existsSync(modulesFile), 'dist/.vite/bundle-modules.json is missing: run `npx vite build`');
  });

  it('holds no fr or nl catalog; both are in lazily loaded chunks', { skip: !existsSync(modulesFile) }, () => {
    const sizes = bundleSizes(dist);
    const eager = (firstPaintModules(dist, sizes.kit.files) ?? []).map(({ module }) => module);
    assert.ok(eager.includes('src/i18n/en/index.ts'), 'English, the fallback, is in the first paint');
    assert.deepEqual(eager.filter((module) => LAZY_ONLY.some((pattern) => pattern.test(module))), []);
    const chunks = JSON.parse(readFileSync(modulesFile, 'utf8')) as Record<string, Record<string, number>>;
    const lazyModules = sizes.lazy.flatMap(({ file }) => Object.keys(chunks[file] ?? {}));
    for (const language of ['fr', 'nl']) assert.ok(lazyModules.includes(`src/i18n/${language}/index.ts`), `${language} is in a lazy chunk`);
  });

  it('draws without the tooltip, the line chart, the drill dialog and the Arrow and columnar readers; they are in lazily loaded chunks', { skip: !existsSync(modulesFile) }, () => {
    const sizes = bundleSizes(dist);
    const eager = (firstPaintModules(dist, sizes.kit.files) ?? []).map(({ module }) => module);
    for (const module of ['node_modules/echarts/lib/component/tooltip/TooltipView.js', 'node_modules/echarts/lib/chart/line/LineView.js', 'src/elements/drill-dialog/drill-dialog.ts', 'src/core/wire/arrow/read-arrow.ts', 'node_modules/@uwdata/flechette/src/table.js', 'src/core/wire/wire-format.ts']) {
      assert.ok(!eager.includes(module), `${module} is not in the first paint`);
      assert.ok(LAZY_ONLY.some((pattern) => pattern.test(module)), `LAZY_ONLY forbids ${module}`);
    }
    const chunks = JSON.parse(readFileSync(modulesFile, 'utf8')) as Record<string, Record<string, number>>;
    const lazyModules = sizes.lazy.flatMap(({ file }) => Object.keys(chunks[file] ?? {}));
    for (const module of ['src/charts/echarts-tooltip.ts', 'src/charts/echarts-line.ts', 'src/elements/drill-dialog/drill-dialog.ts', 'src/core/wire/arrow/arrow-reading.ts', 'src/core/wire/wire-reading.ts']) assert.ok(lazyModules.includes(module), `${module} is in a lazy chunk`);
  });

  it('holds stand-ins for the ECharts modules its charts never run (vite.config.ts, echartsUnused)', { skip: !existsSync(modulesFile) }, () => {
    const chunks = JSON.parse(readFileSync(modulesFile, 'utf8')) as Record<string, Record<string, number>>;
    const lengths = new Map(bundleSizes(dist).kit.files.flatMap((file) => Object.entries(chunks[file] ?? {})));
    const echarts = ['scale/Time.js', 'scale/Log.js', 'theme/dark.js', 'i18n/langZH.js', 'loading/default.js', 'data/helper/transform.js', 'coord/axisAlignTicks.js', 'legacy/dataSelectAction.js', 'preprocessor/backwardCompat.js', 'preprocessor/helper/compatStyle.js'];
    const zrender = ['IncrementalDisplayable.js', 'shape/Ellipse.js', 'shape/Ring.js', 'shape/BezierCurve.js', 'shape/Arc.js', 'RadialGradient.js'];
    for (const module of [...echarts.map((path) => `echarts/lib/${path}`), ...zrender.map((path) => `zrender/lib/graphic/${path}`)]) {
      const length = lengths.get(`node_modules/${module}`) ?? 0;
      assert.ok(length < 400, `${module} is a stand-in (${length} characters)`);
    }
  });
});
