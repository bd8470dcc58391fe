import { css } from 'lit';
import { cr } from '../../theme/tokens.ts';

/** The Chart tab: chart type picker, property chips and their menu, Display slots. */
export const chartPaneStyles = css`
  /* Chart type picker */

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  legend {
    padding: 0;
    margin-block-end: 0.4em;
    font-weight: 600;
    font-size: 0.95rem;
  }

  .chart-type-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    align-items: start;
    gap: 6px;
  }

  .chart-type {
    display: grid;
    grid-template-columns: auto auto 1fr;
    align-items: center;
    gap: 0.2em 0.45em;
    padding: 0.4em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
    font-size: 0.9rem;
  }

  .chart-type:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }

  .chart-type:has(input:focus-visible) {
    outline: 2px solid ${cr.focus};
    outline-offset: 2px;
  }

  .chart-type[data-disabled] {
    cursor: not-allowed;
    color: var(--_muted);
    border-style: dashed;
  }

  .chart-type .reason {
    grid-column: 1 / -1;
    font-size: 0.78rem;
    line-height: 1.3;
  }

  /* Chips and slots */

  .configure,
  .data {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }

  .chips,
  .property-list,
  .criteria,
  .menu {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }

  .chip {
    position: relative;
    display: inline-flex;
    align-items: stretch;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    cursor: grab;
  }

  .chip[data-picked] {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }

  .chip[data-dragging] {
    opacity: 0.5;
  }

  .chip button {
    border: 0;
    background: transparent;
    min-block-size: 2rem;
  }

  .chip-pick {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    border-radius: 999px 0 0 999px;
    cursor: grab;
  }

  .chip-menu-button {
    border-radius: 0 999px 999px 0;
    border-inline-start: 1px solid var(--_border) !important;
    padding-inline: 0.55em;
  }

  .grip {
    color: var(--_muted);
  }

  .chip-type,
  .property-type,
  .option-detail {
    color: var(--_muted);
    font-size: 0.78rem;
  }

  .menu {
    position: absolute;
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    z-index: 10;
    min-inline-size: 13rem;
    padding: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.16);
  }

  .menu [role='menuitem'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    inline-size: 100%;
    border: 0;
    border-radius: 4px;
    text-align: start;
    min-block-size: 2rem;
  }

  .menu [role='menuitem']:hover,
  .menu [role='menuitem']:focus {
    background: var(--_hover);
  }

  .menu [aria-disabled='true'] {
    color: var(--_muted);
    cursor: not-allowed;
  }

  .menu-reason {
    font-size: 0.78rem;
  }

  .slots {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }

  .slot {
    display: flex;
    flex-direction: column;
    gap: 0.3em;
    padding: 0.5em 0.6em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }

  .slot[data-filled] {
    border-style: solid;
  }

  .slot[data-drop-target] {
    border-color: var(--_accent);
    border-style: solid;
    background: var(--_hover);
  }

  .slot-label {
    font-size: 0.8rem;
    font-weight: 600;
    color: var(--_muted);
  }

  .slot-value {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
  }

  .slot-property {
    font-weight: 600;
  }

  .slot-empty,
  .slot-refusal {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85rem;
  }

  .slot-clear,
  .remove-property,
  .remove-criterion {
    min-block-size: 1.8rem;
    min-inline-size: 1.8rem;
    padding: 0 0.4em;
    line-height: 1;
  }

  .slot-place {
    align-self: flex-start;
    border-color: var(--_accent);
  }
`;
