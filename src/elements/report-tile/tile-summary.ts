import { html, nothing, type TemplateResult } from 'lit';
import { buildKpiModel } from '../../charts/options/kpi-model.ts';
import { changeTone, measureDirection } from '../../charts/options/measure-direction.ts';
import { valueKindOf } from '../../charts/options/value-kind.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ReportContext, ReportResult } from '../../core/types.ts';
import { formatPercentDelta } from '../../i18n/format.ts';
import { contextNotes } from './context-notes.ts';
import type { TileText } from './tile-text.ts';

/** The change against the previous period under the title (a KPI shows its own). */
export function renderDelta(text: TileText, spec: ReportSpec, result: ReportResult | null): TemplateResult | typeof nothing {
  const previous = result?.total.previous;
  if (!result || !previous || spec.chartType === 'kpi') return nothing;
  const delta = formatPercentDelta(result.total.value, previous.value, text.locale);
  if (delta === null) return nothing;
  const current = result.total.value ?? 0;
  const before = previous.value ?? 0;
  const [arrow, word] = current > before ? ['▲', 'tile.deltaUp'] : current < before ? ['▼', 'tile.deltaDown'] : ['■', 'tile.deltaFlat'];
  // Coloured by what the change means: a faster response is good news, a slower one bad; volume is neither.
  const tone = changeTone(measureDirection(spec), result.total.value, previous.value);
  return html`<p part="delta" class=${`tone-${tone}`} data-tone=${tone}>
    <span class="arrow" aria-hidden="true">${arrow}</span><span class="visually-hidden">${text.t(word)}</span>
    <span>${text.t('tile.delta', { delta })}</span>
  </p>`;
}

/** What was measured: how many conversations, what was left out and why, which date applies, the context's notes. */
export function renderFootnote(
  text: TileText,
  spec: ReportSpec,
  result: ReportResult | null,
  context: ReportContext | undefined,
): TemplateResult | typeof nothing {
  if (!result) return nothing;
  const parts = [text.t('tile.measured', { count: result.matched })];
  if (result.excluded) {
    const property = spec.measure.op === 'count' ? '' : spec.measure.property;
    const key = property === 'responseTime' || property === 'timeToClose' ? `tile.excluded.${property}` : 'tile.excluded.other';
    parts.push(text.t(key, { count: new Intl.NumberFormat(text.locale).format(result.excluded) }));
  }
  parts.push(text.t('tile.dateApplies', { property: text.t(`tile.date.${spec.dateProperty}`) }));
  parts.push(...contextNotes(spec, context, text.locale, (key, params) => text.t(key, params)));
  return html`<p part="footnote">${parts.join(' · ')}</p>`;
}

/** The KPI chart type: the big number, its change and the previous period's value. */
export function renderKpi(text: TileText, spec: ReportSpec, result: ReportResult): TemplateResult {
  const model = buildKpiModel(result, { locale: text.locale, valueKind: valueKindOf(spec) });
  const arrow = model.direction === 'up' ? '▲' : model.direction === 'down' ? '▼' : model.direction === 'flat' ? '■' : '';
  return html`<div part="kpi">
    <span class="kpi-value">${model.value}</span>
    ${model.delta
      ? html`<span part="delta"><span aria-hidden="true">${arrow}</span> ${text.t('tile.delta', { delta: model.delta })}</span>`
      : nothing}
    ${model.previous !== null ? html`<span class="muted">${text.t('tile.previous', { value: model.previous })}</span>` : nothing}
  </div>`;
}
