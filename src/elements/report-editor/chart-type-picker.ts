import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { ChartTypeAvailability } from '../../core/dashboard/chart-type-availability.ts';
import { chartTypes, type ChartType } from '../../core/schema/report-spec.ts';
import type { Translate } from './editor-types.ts';

const icons: Record<ChartType, SVGTemplateResult> = {
  bar: svg`<path d="M3 5h10M3 10h15M3 15h7" />`,
  column: svg`<path d="M5 17V9M10 17V4M15 17v-6" />`,
  line: svg`<path d="M3 15l5-6 4 3 5-8" />`,
  area: svg`<path d="M3 17V13l5-6 4 3 5-6v13z" />`,
  pie: svg`<circle cx="10" cy="10" r="7" /><path d="M10 3v7h7" />`,
  donut: svg`<circle cx="10" cy="10" r="7" /><circle cx="10" cy="10" r="3" />`,
  table: svg`<path d="M3 4h14v12H3zM3 8h14M3 12h14M8 4v12" />`,
  kpi: svg`<path d="M5 14V6l-2 2M9 6h4l-3 4a2 2 0 1 1-1 3M15 6v8" />`,
  heatmap: svg`<path d="M3 3h14v14H3zM3 7.7h14M3 12.3h14M7.7 3v14M12.3 3v14" />`,
};

export interface ChartTypePickerProps {
  chartType: ChartType;
  availability: Record<ChartType, ChartTypeAvailability>;
  t: Translate;
  /** The problem with the current type, shown under the picker. */
  error: string | undefined;
  onChange: (type: ChartType) => void;
}

/**
 * Native radio buttons: arrow keys move between the types that can be chosen, and a type that
 * cannot says why in visible text (also its accessible description).
 */
export function renderChartTypePicker(props: ChartTypePickerProps): TemplateResult {
  const { t, availability, chartType, error } = props;
  const firstEnabled = chartTypes.find((type) => availability[type].available);
  return html`<fieldset class="chart-types" part="chart-types" aria-describedby=${error ? 'chart-type-error' : nothing}>
    <legend>${t('editor.chartType')}</legend>
    <div class="chart-type-grid">
      ${chartTypes.map((type) => {
        const { available, reasons } = availability[type];
        const reasonId = `chart-type-${type}-reason`;
        const focusOnProblem = error && (type === chartType ? available : type === firstEnabled);
        return html`<label class="chart-type" data-type=${type} ?data-disabled=${!available}>
          <input
            type="radio"
            name="chart-type"
            value=${type}
            .checked=${type === chartType}
            ?disabled=${!available}
            aria-describedby=${available ? nothing : reasonId}
            data-problem=${focusOnProblem ? 'chartType' : nothing}
            @change=${() => props.onChange(type)}
          />
          <svg class="chart-icon" viewBox="0 0 20 20" aria-hidden="true">${icons[type]}</svg>
          <span class="chart-type-name">${t(`editor.chartType.${type}`)}</span>
          ${available
            ? nothing
            : html`<span class="reason" id=${reasonId}>${reasons.map((reason) => t(`editor.reason.${reason}`)).join(' ')}</span>`}
        </label>`;
      })}
    </div>
    ${error ? html`<p class="error" id="chart-type-error">${error}</p>` : nothing}
  </fieldset>`;
}
