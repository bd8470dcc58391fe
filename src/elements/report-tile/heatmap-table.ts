import { html, type TemplateResult } from 'lit';
import type { HeatmapModel } from '../../charts/options/heatmap-model.ts';
import type { GroupKey } from '../../core/types.ts';

export interface HeatmapTableInput {
  model: HeatmapModel;
  caption: string;
  /** Read after the caption by screen readers: how to move and drill. */
  hint: string;
  /** The corner cell: what the rows are ("Weekday created"). */
  corner: string;
  /** Whether rows are a breakdown (else the one row drills into the column alone). */
  breakdown: boolean;
  drill: (key: GroupKey, series: GroupKey | undefined) => void;
}

function cellAt(table: HTMLTableElement, x: number, y: number): HTMLTableCellElement | null {
  return table.querySelector<HTMLTableCellElement>(`td[data-x="${x}"][data-y="${y}"]`);
}

/**
 * The table alternative of a heatmap: the same grid, rows and columns headed, one cell per value.
 * One cell is in the tab order at a time (a roving tabindex): the arrow keys move between cells,
 * Home/End to the row's ends, Enter or Space drills, as in the chart.
 */
export function renderHeatmapTable({ model, caption, hint, corner, breakdown, drill }: HeatmapTableInput): TemplateResult {
  const width = model.columns.length;
  const choose = (x: number, y: number) => drill(model.columns[x]!.key, breakdown ? model.rows[y]!.key : undefined);
  const onKeydown = (event: KeyboardEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLTableCellElement>('td[data-x]');
    const table = event.currentTarget as HTMLTableElement;
    if (!cell) return;
    const x = Number(cell.dataset.x);
    const y = Number(cell.dataset.y);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose(x, y);
      return;
    }
    const to: Record<string, [number, number]> = {
      ArrowRight: [x + 1, y],
      ArrowLeft: [x - 1, y],
      ArrowDown: [x, y + 1],
      ArrowUp: [x, y - 1],
      Home: [0, y],
      End: [width - 1, y],
    };
    const target = to[event.key] && cellAt(table, to[event.key]![0], to[event.key]![1]);
    if (!to[event.key]) return;
    event.preventDefault();
    if (!target) return;
    cell.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  };
  return html`<div class="table-wrap heatmap-table">
    <table part="table" @keydown=${onKeydown}>
      <caption>
        ${caption}
        <span class="visually-hidden">${hint}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">${corner}</th>
          ${model.columns.map((column) => html`<th scope="col" class="numeric" title=${column.longLabel}>${column.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${model.rows.map(
          (row, y) => html`<tr>
            <th scope="row" title=${row.longLabel}>${row.label}</th>
            ${model.columns.map((_, x) => {
              const cell = model.cells[y * width + x]!;
              return html`<td
                class="numeric"
                data-x=${x}
                data-y=${y}
                tabindex=${x === 0 && y === 0 ? '0' : '-1'}
                aria-label=${cell.spoken}
                @click=${() => choose(x, y)}
              >${cell.text}</td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
