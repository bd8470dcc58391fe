import { css } from 'lit';
import { cr } from '../../theme/tokens.ts';

/** The grid's own look: narrow number cells, row headings that do not shrink. */
export const heatmapTableStyles = css`
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
