import { css } from 'lit';

export const reportTileStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
    color: var(--cr-color-text, #1f2328);
    font-family: var(--cr-font-family, system-ui, sans-serif);
    --_space: var(--cr-space, 12px);
  }

  [part='tile'] {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    box-sizing: border-box;
    background: var(--cr-tile-bg, var(--cr-color-surface, #fff));
    border: 1px solid var(--cr-tile-border-color, var(--cr-color-border, #d0d7de));
    border-radius: var(--cr-radius, 10px);
    box-shadow: var(--cr-tile-shadow, 0 1px 2px rgb(0 0 0 / 0.06));
    padding: var(--_space);
    gap: calc(var(--_space) * 0.75);
  }

  header {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
  }

  .heading {
    flex: 1;
    min-inline-size: 0;
  }

  [part='title'] {
    margin: 0;
    font-size: var(--cr-tile-title-size, 1rem);
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  [part='delta'] {
    display: inline-flex;
    gap: 0.25em;
    margin-block-start: 0.25em;
    font-size: 0.85rem;
    color: var(--cr-color-muted, #57606a);
  }

  /* The delta under the title is a paragraph; a margin from CSS, not a style attribute, so a strict CSP (style-src without 'unsafe-inline') has nothing to block. */
  p[part='delta'] {
    margin: 0;
  }

  .arrow {
    font-weight: 700;
  }

  [part='actions'] {
    position: relative;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }

  .menu-button {
    background: transparent;
    border: 1px solid var(--cr-color-border, #d0d7de);
    border-radius: calc(var(--cr-radius, 10px) * 0.6);
    padding: 0.25em 0.6em;
    font-size: 0.85rem;
  }

  [role='menu'] {
    position: absolute;
    inset-inline-end: 0;
    inset-block-start: calc(100% + 4px);
    z-index: 5;
    min-inline-size: 11rem;
    margin: 0;
    padding: 4px;
    list-style: none;
    background: var(--cr-menu-bg, var(--cr-color-surface, #fff));
    border: 1px solid var(--cr-color-border, #d0d7de);
    border-radius: calc(var(--cr-radius, 10px) * 0.6);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.15);
  }

  [role='menuitem'] {
    display: block;
    inline-size: 100%;
    text-align: start;
    background: transparent;
    border: 0;
    border-radius: 4px;
    padding: 0.45em 0.7em;
  }

  [role='menuitem']:hover,
  [role='menuitem']:focus-visible {
    background: var(--cr-color-hover, rgb(127 127 127 / 0.14));
  }

  [role='menuitem'][aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }

  :focus-visible {
    outline: 2px solid var(--cr-color-focus, #0969da);
    outline-offset: 2px;
  }

  [part='body'] {
    position: relative;
    flex: 1;
    min-block-size: var(--cr-chart-height, 300px);
    display: flex;
    flex-direction: column;
  }

  cr-chart-view {
    flex: 1;
  }

  .state {
    flex: 1;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: 0.5em;
    text-align: center;
    color: var(--cr-color-muted, #57606a);
    padding: var(--_space);
  }

  [part='error'] {
    color: var(--cr-color-danger, #b42318);
  }

  [part='config-error'] {
    padding: var(--_space);
    color: var(--cr-color-text, #1f2328);
    overflow-wrap: anywhere;
  }

  [part='config-error'] p {
    margin: 0 0 0.5em;
    color: var(--cr-color-danger, #b42318);
  }

  [part='config-error'] ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }

  .retry {
    background: var(--cr-color-accent, #0969da);
    color: var(--cr-color-on-accent, #fff);
    border: 0;
    border-radius: calc(var(--cr-radius, 10px) * 0.6);
    padding: 0.4em 1em;
  }

  .spinner {
    inline-size: 28px;
    block-size: 28px;
    border-radius: 50%;
    border: 3px solid var(--cr-color-border, #d0d7de);
    border-block-start-color: var(--cr-color-accent, #0969da);
    animation: spin 0.9s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }

  .table-wrap {
    flex: 1;
    overflow: auto;
    max-block-size: var(--cr-chart-height, 300px);
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.875rem;
  }

  caption {
    text-align: start;
    font-size: 0.8rem;
    color: var(--cr-color-muted, #57606a);
    padding-block-end: 0.3em;
  }

  th,
  td {
    padding: 0.35em 0.5em;
    border-block-end: 1px solid var(--cr-color-border, #d0d7de);
    text-align: start;
    max-inline-size: 28ch;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  th {
    position: sticky;
    inset-block-start: 0;
    background: var(--cr-tile-bg, var(--cr-color-surface, #fff));
    font-weight: 600;
  }

  .numeric {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  tbody tr {
    cursor: pointer;
  }

  tbody tr:hover,
  tbody tr:focus-visible {
    background: var(--cr-color-hover, rgb(127 127 127 / 0.14));
  }

  [part='kpi'] {
    flex: 1;
    display: grid;
    place-content: center;
    text-align: center;
    gap: 0.3em;
  }

  .kpi-value {
    font-size: var(--cr-kpi-size, 2.75rem);
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }

  [part='footnote'] {
    margin: 0;
    font-size: 0.78rem;
    color: var(--cr-color-muted, #57606a);
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
