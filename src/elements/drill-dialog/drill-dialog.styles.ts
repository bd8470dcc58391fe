import { css } from 'lit';

export const drillDialogStyles = css`
  :host {
    --_bg: var(--cr-dialog-bg, var(--cr-color-surface, #fff));
    --_text: var(--cr-color-text, #1f2328);
    --_border: var(--cr-color-border, #d0d7de);
    --_space: var(--cr-space, 8px);
    --_radius: var(--cr-radius, 8px);
    font-family: var(--cr-font-family, system-ui, sans-serif);
  }

  :host([hidden]) {
    display: none;
  }

  dialog {
    box-sizing: border-box;
    max-width: 90vw;
    max-height: 85vh;
    width: min(90vw, 1400px);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-family: inherit;
  }

  /* Only when open: a closed dialog must keep the UA's display: none. */
  dialog[open] {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }

  h2 {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.3;
    /* Names and URLs come from visitors: a 10 000-character one is cut at two lines, not spread over the page. */
    min-width: 0;
    flex: 1 1 20rem;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }

  .actions {
    display: flex;
    gap: var(--_space);
  }

  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    cursor: pointer;
  }

  button:disabled {
    cursor: default;
    opacity: 0.55;
  }

  /* The table can be wider and taller than the dialog: it scrolls here, the header and pagination stay. */
  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875rem;
  }

  th,
  td {
    padding: calc(var(--_space) / 2) var(--_space);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_bg);
    padding: 0;
    white-space: nowrap;
  }

  th button.sort {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    width: 100%;
    border: 0;
    border-radius: 0;
    padding: calc(var(--_space) / 2) var(--_space);
    font-weight: 600;
    text-align: start;
  }

  .sort-icon {
    font-size: 0.75em;
    opacity: 0.7;
  }

  th[aria-sort] .sort-icon {
    opacity: 1;
  }

  /* One line per cell, cut with "…": visitors' text can be any length; the CSV export keeps it whole. */
  td {
    white-space: nowrap;
    max-width: 20rem;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  td.col-subject {
    white-space: normal;
    min-width: 16rem;
    max-width: 28rem;
    overflow-wrap: anywhere;
  }

  /* Subject and contact wrap, but stop at a few lines. */
  .subject {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }

  .contact {
    display: block;
    line-height: 1.35;
    max-block-size: calc(2 * 1.35em);
    overflow: hidden;
  }

  .contact {
    font-size: 0.8125rem;
    opacity: 0.8;
  }

  .contact .name + .email::before {
    content: ' · ';
  }

  .missing {
    opacity: 0.8;
  }

  .subject.missing {
    font-style: italic;
  }

  a {
    color: inherit;
    text-decoration: underline;
  }

  td.empty {
    text-align: center;
    padding: calc(var(--_space) * 2);
  }

  .pagination {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space);
  }

  .error {
    margin: 0;
  }

  /* One visible focus style for buttons, the link and the scrollable table, whatever the theme. */
  button:focus-visible,
  a:focus-visible,
  .scroller:focus-visible {
    outline: 2px solid var(--_text);
    outline-offset: 2px;
  }

  th button.sort:focus-visible {
    outline-offset: -2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
