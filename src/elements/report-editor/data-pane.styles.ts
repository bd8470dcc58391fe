import { css } from 'lit';

/** The Data tab: the chosen properties, "Add property", the date property. */
export const dataPaneStyles = css`
  /* Data tab */

  .property-list {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }

  .property-item {
    display: grid;
    grid-template-columns: 1fr auto;
    grid-template-rows: auto auto;
    column-gap: 0.5em;
    align-items: center;
    padding: 0.3em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .property-item .remove-property {
    grid-column: 2;
    grid-row: 1 / 3;
  }

  .add-property {
    align-self: flex-start;
  }

  .field {
    display: inline-flex;
    flex-direction: column;
    gap: 0.25em;
    font-size: 0.85rem;
  }

  .field > label,
  .search-label {
    color: var(--_muted);
    font-size: 0.8rem;
  }
`;
