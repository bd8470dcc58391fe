import { css } from 'lit';

export const chartViewStyles = css`
  :host {
    display: block;
    position: relative;
    inline-size: 100%;
    block-size: var(--cr-chart-height, 320px);
    min-block-size: 120px;
  }

  :host([hidden]) {
    display: none;
  }

  /* ECharts sizes its canvas from this box, so it must have a size of its own rather than from content. */
  [part='chart'] {
    position: absolute;
    inset: 0;
    overflow: hidden;
  }
`;
