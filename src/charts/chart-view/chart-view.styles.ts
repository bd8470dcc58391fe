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

  [part='chart']:focus-visible {
    outline: 2px solid var(--cr-color-focus, #0969da);
    outline-offset: 2px;
  }

  .live {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
