import { css } from 'lit';

/** The drill dialog's own layout, on top of the shared dialog shell (`dialogShellStyles`). */
export const drillDialogStyles = css`
  dialog {
    max-width: 90vw;
    max-height: 85vh;
    width: min(90vw, 1400px);
    padding: calc(var(--_space) * 2);
  }

  dialog[open] {
    gap: var(--_space);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }

  h2 {
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

  .search {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }

  .search input {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_border, currentColor);
    border-radius: calc(var(--_radius, 10px) / 2);
    padding: 0.25em 0.5em;
    min-width: 0;
    flex: 0 1 20rem;
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

  th button.sort:focus-visible {
    outline-offset: -2px;
  }

  .columns {
    margin-block-end: 8px;
  }
  .columns fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    border: none;
    margin: 4px 0 0;
    padding: 0;
  }
  .columns label {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
`;
