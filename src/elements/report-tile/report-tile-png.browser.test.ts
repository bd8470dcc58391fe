import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { showTile, volumeResult, volumeSpec } from '../../../test/harness/tile-harness.ts';
import { PNG_MARGIN } from '../../charts/chart-view/png-frame.ts';

const result = volumeResult([['alice', 'Alice Martin', 42], ['bob', 'Bob de Vries', 17]]);

async function pixels(url: string): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(image, 0, 0);
  return { width: canvas.width, height: canvas.height, data: ctx.getImageData(0, 0, canvas.width, canvas.height).data };
}

/** Whether any pixel in the box [x0, x1) × [y0, y1) differs from white. */
function inked(p: { width: number; data: Uint8ClampedArray }, x0: number, y0: number, x1: number, y1: number): boolean {
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * p.width + x) * 4;
      if (p.data[i]! < 230 || p.data[i + 1]! < 230 || p.data[i + 2]! < 230) return true;
    }
  return false;
}

describe('<report-tile> PNG export', () => {
  for (const renderer of ['canvas', 'svg'] as const) {
    it(`frames the ${renderer} chart with its title, a legend and a blank margin`, async () => {
      const el = await showTile(volumeSpec({ chartType: 'column' }), result, { renderer, noAnimation: true });
      await waitUntil(() => el.chart, 'chart drawn');
      const chart = el.chart!;
      const png = await pixels((await el.toPngDataUrl())!);
      const ratio = 2;
      expect(png.width).to.equal((chart.getWidth() + 2 * PNG_MARGIN) * ratio);
      expect(png.height, 'a header above the chart').to.be.greaterThan((chart.getHeight() + 2 * PNG_MARGIN + 30) * ratio);
      const m = (PNG_MARGIN - 2) * ratio;
      expect(inked(png, 0, 0, png.width, m), 'top margin blank').to.equal(false);
      expect(inked(png, 0, 0, m, png.height), 'left margin blank').to.equal(false);
      expect(inked(png, png.width - m, 0, png.width, png.height), 'right margin blank').to.equal(false);
      expect(inked(png, 0, png.height - m, png.width, png.height), 'bottom margin blank').to.equal(false);
      expect(inked(png, PNG_MARGIN * ratio, PNG_MARGIN * ratio, png.width / 2, (PNG_MARGIN + 16) * ratio), 'the title is drawn').to.equal(true);
    });
  }
});
