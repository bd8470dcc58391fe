import { css } from 'lit';

/** `<cr-filter-panel>` (light DOM): criteria, value editors, the panel's actions. */
export const filterPanelStyles = css`
  /* Filters */

  .filter-panel {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }

  .criteria {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }

  .criterion > fieldset {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding: 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .joiner {
    margin: 0 0 0.4em;
    font-size: 0.8rem;
    font-weight: 700;
    color: var(--_muted);
    letter-spacing: 0.06em;
  }

  .criterion-row {
    display: grid;
    grid-template-columns: minmax(10rem, 1fr) minmax(8rem, auto) auto;
    align-items: end;
    gap: 0.5em;
  }

  .value-editor {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5em;
  }

  .value-editor .error {
    flex-basis: 100%;
  }

  .values legend {
    font-size: 0.8rem;
    font-weight: 400;
    color: var(--_muted);
  }

  .value-list {
    display: flex;
    flex-direction: column;
    gap: 2px;
    max-block-size: 12rem;
    overflow: auto;
  }

  .value-option {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    padding: 0.15em 0.2em;
    font-size: 0.9rem;
    cursor: pointer;
    max-inline-size: 100%;
    min-inline-size: 0;
  }

  /* Values come from the data and can be any length: one line each, cut with "…" (the title has it whole). */
  .value-option > span {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .value-search {
    margin-block-end: 0.3em;
  }

  .no-value {
    margin: 0;
    font-size: 0.85rem;
    color: var(--_muted);
  }

  .panel-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  .spacer {
    flex: 1;
  }

  .and-button {
    font-weight: 700;
    letter-spacing: 0.04em;
  }
`;
