import { css } from 'lit';
import { cr } from '../../theme/tokens.ts';

/**
 * The table view's look (a report's table and a heatmap's grid): loaded with them, and added to a
 * tile's shadow root when it first shows one (see report-tile.ts).
 */
export const tableViewStyles = css`
  .table-wrap {
    flex: 1;
    overflow: auto;
    max-block-size: var(--cr-chart-height, 300px);
    container-type: inline-size;
  }

  [part='table-pager'] {
    position: sticky;
    inset-block-end: 0;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${cr.space};
    padding-block: calc(${cr.space} / 2);
    background: var(--cr-tile-bg, ${cr.surface});
    font-size: 0.85em;
  }

  /*
   * A narrow tile keeps the label, the value and the change in view and leaves out the secondary
   * columns rather than hiding the numbers behind a horizontal scroll (the CSV export has them all).
   */
  @container (max-width: 26rem) {
    .col-previous {
      display: none;
    }
  }

  @container (max-width: 22rem) {
    .col-count {
      display: none;
    }
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.875rem;
  }

  caption {
    text-align: start;
    font-size: 0.8rem;
    color: ${cr.muted};
    padding-block-end: 0.3em;
  }

  th,
  td {
    padding: 0.35em 0.5em;
    border-block-end: 1px solid ${cr.border};
    text-align: start;
    white-space: nowrap;
  }

  th {
    position: sticky;
    inset-block-start: 0;
    background: var(--cr-tile-bg, ${cr.surface});
    font-weight: 600;
  }

  /* The label (and series) columns take the width the numbers leave and cut their text with "…". */
  th:not(.numeric),
  td:not(.numeric) {
    inline-size: 100%;
    min-inline-size: 4.5em;
    max-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /*
   * A name wraps onto a second line rather than being cut ("Thoma…" tells no one apart); past two
   * lines (a pasted essay) it is cut, so one row never grows tall.
   */
  td .wrap {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
    white-space: normal;
    overflow-wrap: anywhere;
  }

  /* A URL is cut in the middle: its head shrinks first, with "…"; its last segment wraps, never cut. */
  td .url {
    display: flex;
    min-inline-size: 0;
    white-space: nowrap;
  }

  td .url-head {
    flex: 0 1000 auto;
    min-inline-size: 1.5em;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  td .url-head:empty {
    display: none;
  }

  td .url-tail {
    flex: 0 1 auto;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /* Numbers are never cut: their columns are as wide as their widest number. */
  .numeric {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  /* A number column's heading wraps between words rather than widening the column. */
  th.numeric {
    white-space: normal;
    overflow-wrap: normal;
    vertical-align: bottom;
  }

  tbody tr {
    cursor: pointer;
  }

  tbody tr:hover,
  tbody tr:focus-visible {
    background: ${cr.hover};
  }

  /* A heatmap's grid: narrow number cells, row headings that do not shrink (after the rules above, which it overrides). */
  .heatmap-table th,
  .heatmap-table td {
    inline-size: auto;
    max-inline-size: none;
    min-inline-size: 0;
    padding: 0.3em 0.4em;
  }

  .heatmap-table td {
    cursor: pointer;
  }

  .heatmap-table td:hover,
  .heatmap-table td:focus-visible {
    background: ${cr.hover};
  }

  .heatmap-table tbody th {
    position: sticky;
    inset-inline-start: 0;
  }
`;
