import { html, type TemplateResult } from 'lit';
import '../../charts/chart-view/chart-view.ts';
import type { ChartFrame } from '../../charts/chart-view/chart-view.ts';
import type { ChartPointClickEvent } from '../../events/chart-point-click-event.ts';
import type { buildChartOption } from '../../charts/options/chart-option.ts';
import { foldForDrawing, foldedSpec, needsFolding } from '../../charts/options/fold-for-drawing.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import { OTHER_KEY, type GroupKey, type ReportResult } from '../../core/types.ts';
import { localizeResult } from '../../i18n/localize-result.ts';
import type { EngineFold } from './tile-compute.ts';
import { formatSettings, tileTitle, type TileText } from './tile-text.ts';

export interface TileChartInput {
  text: TileText;
  spec: ReportSpec;
  /** `buildChartOption`, or for a heatmap its own builder (which loads on first use). */
  buildOption: typeof buildChartOption;
  /** The shown result, labels localized. */
  shown: ReportResult;
  /** The engine's exact fold of the shown result, when it has one. */
  engineFold: EngineFold | null;
  noAnimation: boolean;
  renderer: 'canvas' | 'svg';
  drill(key: GroupKey, series: GroupKey | undefined): void;
  /** A click on Other of a fold made for drawing: its rows are in the table view. */
  showTable(): void;
}

/**
 * What the chart draws: the shown result, or, past a readable number of categories, the top ones
 * and Other: the engine's exact fold when it has one (too many series are still merged here), else folded here.
 */
function drawnResult({ text, spec, shown, engineFold }: TileChartInput): { result: ReportResult; folded: boolean } {
  if (!needsFolding(shown, spec)) return { result: shown, folded: false };
  if (engineFold) return { result: foldForDrawing(localizeResult(engineFold.result, engineFold.folded, text.locale), engineFold.folded, text.t('value.other')), folded: true };
  return { result: foldForDrawing(shown, spec, text.t('value.other')), folded: true };
}

export function renderTileChart(input: TileChartInput): TemplateResult {
  const { text, spec } = input;
  const { result, folded } = drawnResult(input);
  const title = tileTitle(text, spec);
  // Other of a fold made for drawing is no group of the report: its rows are in the table view.
  const onPoint = (event: ChartPointClickEvent) => {
    const { key, series } = event.detail;
    if (folded && (series === OTHER_KEY || (key === OTHER_KEY && (spec.limit === undefined || spec.limit >= foldedSpec(spec).limit!)))) input.showTable();
    else input.drill(key, series);
  };
  // The option names the chart and its series after the title the tile shows (localized for a template).
  // Built by the chart view for its theme, motion preference and width.
  const build = ({ theme, reducedMotion, width }: ChartFrame) =>
    input.buildOption(result, { ...spec, title }, {
      ...formatSettings(text, spec),
      palette: theme.palette,
      textColor: theme.textColor,
      axisColor: theme.axisColor,
      gridColor: theme.gridColor,
      fontFamily: theme.fontFamily,
      background: theme.background,
      scale: theme.scale,
      reducedMotion,
      previousLabel: text.t('tile.column.previous'),
      ...(width ? { width } : {}),
    });
  return html`<cr-chart-view
    .build=${build}
    .renderer=${input.renderer}
    ?no-animation=${input.noAnimation}
    label=${title}
    @chart-point-click=${onPoint}
  ></cr-chart-view>`;
}
