import { css } from 'lit';
import { cr } from '../../theme/tokens.ts';
import { visuallyHiddenStyles } from '../../theme/visually-hidden.styles.ts';

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
    outline: 2px solid ${cr.focus};
    outline-offset: 2px;
  }

  /* Tooltip content (HTML from the chart option, inside the chart box): classes instead of style attributes, for strict CSPs. */
  .cr-tooltip-title {
    font-weight: 600;
    margin-block-end: 4px;
  }

  /* ECharts keeps tooltip text on one line; labels from data can be long, so they wrap here. */
  .cr-tooltip-title,
  .cr-tooltip-line {
    white-space: normal;
    overflow-wrap: anywhere;
    max-inline-size: min(20rem, 80vw);
  }

  .cr-tooltip-marker {
    display: inline-block;
    inline-size: 10px;
    block-size: 10px;
    border-radius: 2px;
    margin-inline-end: 6px;
    vertical-align: -1px;
    background: currentColor;
  }

  /* The option's palette, set on the chart box by <cr-chart-view> (see TOOLTIP_SWATCHES in chart-option.ts). */
  .cr-swatch-0 {
    background: var(--_cr-swatch-0, currentColor);
  }

  .cr-swatch-1 {
    background: var(--_cr-swatch-1, currentColor);
  }

  .cr-swatch-2 {
    background: var(--_cr-swatch-2, currentColor);
  }

  .cr-swatch-3 {
    background: var(--_cr-swatch-3, currentColor);
  }

  .cr-swatch-4 {
    background: var(--_cr-swatch-4, currentColor);
  }

  .cr-swatch-5 {
    background: var(--_cr-swatch-5, currentColor);
  }

  .cr-swatch-6 {
    background: var(--_cr-swatch-6, currentColor);
  }

  .cr-swatch-7 {
    background: var(--_cr-swatch-7, currentColor);
  }

  .cr-swatch-8 {
    background: var(--_cr-swatch-8, currentColor);
  }

  .cr-swatch-9 {
    background: var(--_cr-swatch-9, currentColor);
  }

  .cr-swatch-10 {
    background: var(--_cr-swatch-10, currentColor);
  }

  .cr-swatch-11 {
    background: var(--_cr-swatch-11, currentColor);
  }

  ${visuallyHiddenStyles}
`;
