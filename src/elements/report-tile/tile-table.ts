import { html, nothing, type TemplateResult } from 'lit';
import { pageUrlShortener } from '../../charts/options/axis-layout.ts';
import { buildTableModel, type TableColumn } from '../../charts/options/table-model.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { GroupKey, ReportResult } from '../../core/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { dimensionHeading, formatSettings, measureHeading, tileTitle, type TileText } from './tile-text.ts';

// Its look comes with it (report-tile.ts adds it to the tile when the table is first shown).
export { tableViewStyles } from './tile-table.styles.ts';

/** Rows of the table view shown at once; the rest are a page away (the CSV export has them all). */
export const TABLE_PAGE = 100;

export interface TileTableInput {
  text: TileText;
  spec: ReportSpec;
  result: ReportResult;
  /** First row of the page asked for (kept inside the rows there are). */
  offset: number;
  goTo(offset: number): void;
  drill(key: GroupKey, series: GroupKey | undefined): void;
}

/** The table view: every row a drill target (click, Enter or Space), a page of rows at a time. */
export function renderTileTable({ text, spec, result, offset: asked, goTo, drill }: TileTableInput): TemplateResult {
  const model = buildTableModel(result, spec, {
    ...formatSettings(text, spec),
    labels: {
      label: spec.dimension ? dimensionHeading(text, spec) : '',
      series: text.t('tile.column.series'),
      value: measureHeading(text, spec),
      count: text.t('tile.column.count'),
      previous: text.t('tile.column.previous'),
      change: text.t('tile.column.change'),
    },
  });
  // The column's id as a class: a narrow tile leaves out the secondary columns (see report-tile.styles.ts).
  const cellClass = (column: TableColumn | undefined) => (column ? `col-${column.id}${column.numeric ? ' numeric' : ''}` : '');
  const onKey = (event: KeyboardEvent, key: GroupKey, series: GroupKey | undefined) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      drill(key, series);
    }
  };
  // A page of rows at a time: 20 000 assignees must not put 20 000 rows in the DOM.
  const total = model.rows.length;
  const offset = Math.min(asked, Math.max(0, Math.floor((total - 1) / TABLE_PAGE) * TABLE_PAGE));
  const pageRows = total > TABLE_PAGE ? model.rows.slice(offset, offset + TABLE_PAGE) : model.rows;
  // Page URLs lose the site they share, and a cut one keeps its last segment (the part that tells rows apart).
  const urlCell = spec.dimension === 'pageUrl' ? urlCellRenderer(model.rows.map((row) => row.cells[0] ?? '')) : null;
  return html`<div class="table-wrap">
    <table part="table">
      <caption>
        ${text.t('tile.tableCaption', { title: tileTitle(text, spec) })}
        <span class="visually-hidden">${text.t('tile.rowHint')}</span>
      </caption>
      <thead>
        <tr>
          ${model.columns.map((column) => html`<th scope="col" class=${cellClass(column)}>${column.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${pageRows.map(
          (row) => html`<tr
            tabindex="0"
            @click=${() => drill(row.key, row.series)}
            @keydown=${(event: KeyboardEvent) => onKey(event, row.key, row.series)}
          >
            ${row.cells.map((cell, index) => {
              const column = model.columns[index];
              if (index === 0 && urlCell) return html`<td class=${cellClass(column)} title=${cell}>${urlCell(cell)}</td>`;
              if (column && !column.numeric) return html`<td class=${cellClass(column)} title=${cell}><span class="wrap">${cell}</span></td>`;
              return html`<td class=${cellClass(column)} title=${cell}>${cell}</td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>
    ${total > TABLE_PAGE ? renderPager(text, offset, total, goTo) : nothing}
  </div>`;
}

function renderPager(text: TileText, offset: number, total: number, goTo: (offset: number) => void): TemplateResult {
  const number = (value: number) => formatNumber(value, text.locale);
  return html`<nav part="table-pager" aria-label=${text.t('tile.tablePages')}>
    <button type="button" class="previous-rows" ?disabled=${offset === 0} @click=${() => goTo(Math.max(0, offset - TABLE_PAGE))}>
      ${text.t('tile.previousRows')}
    </button>
    <span role="status">${text.t('tile.rowsShown', { from: number(offset + 1), to: number(Math.min(total, offset + TABLE_PAGE)), total: number(total) })}</span>
    <button type="button" class="next-rows" ?disabled=${offset + TABLE_PAGE >= total} @click=${() => goTo(offset + TABLE_PAGE)}>
      ${text.t('tile.nextRows')}
    </button>
  </nav>`;
}

/**
 * A table cell for a page URL: without the origin all rows share, in two parts so that CSS cuts the
 * middle ("/support/knowl…/getting-started") rather than the end that tells rows apart.
 */
function urlCellRenderer(labels: readonly string[]): (label: string) => TemplateResult {
  const shorten = pageUrlShortener(labels, (text) => text);
  return (label) => {
    const text = shorten(label, Infinity);
    const cut = text.replace(/\/+$/, '').lastIndexOf('/');
    const head = cut > 0 ? text.slice(0, cut + 1) : '';
    const tail = cut > 0 ? text.slice(cut + 1) : text;
    return html`<span class="url"><span class="url-head">${head}</span><span class="url-tail">${tail}</span></span>`;
  };
}
