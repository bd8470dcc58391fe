import { css } from 'lit';
import { cr } from '../../theme/tokens.ts';
import { visuallyHiddenStyles } from '../../theme/visually-hidden.styles.ts';

export const reportEditorStyles = css`
  :host {
    display: block;
    color: ${cr.text};
    font-family: ${cr.fontFamily};
    container-type: inline-size;
    --_space: ${cr.space};
    --_radius: calc(${cr.radius} * 0.6);
    --_surface: ${cr.surface};
    --_border: ${cr.border};
    --_muted: ${cr.muted};
    --_accent: ${cr.accent};
    --_danger: ${cr.danger};
    --_hover: ${cr.hover};
  }

  :host([hidden]) {
    display: none;
  }

  .editor {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    background: var(--cr-editor-bg, ${cr.background});
  }

  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.3;
  }

  h3 {
    font-size: 0.95rem;
  }

  h4 {
    font-size: 0.85rem;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    font-size: 0.9rem;
    color: ${cr.text};
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.35em 0.6em;
    box-sizing: border-box;
  }

  input[type='radio'],
  input[type='checkbox'] {
    padding: 0;
    inline-size: 1.05em;
    block-size: 1.05em;
    margin: 0;
    accent-color: var(--_accent);
  }

  button {
    cursor: pointer;
    min-block-size: 2.25rem;
  }

  button.primary {
    background: var(--_accent);
    color: ${cr.onAccent};
    border-color: transparent;
    font-weight: 600;
  }

  button.link {
    border: 0;
    padding: 0;
    min-block-size: auto;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }

  svg {
    inline-size: 1.1em;
    block-size: 1.1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
    flex: none;
  }

  :focus-visible {
    outline: 2px solid ${cr.focus};
    outline-offset: 2px;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .error {
    margin: 0.25em 0 0;
    color: var(--_danger);
    font-size: 0.85rem;
  }

  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85rem;
  }

  ${visuallyHiddenStyles}

  /* Header */

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
  }

  .name,
  .name-field {
    flex: 1 1 16rem;
    min-inline-size: 0;
  }

  .name-button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    max-inline-size: 100%;
    border-color: transparent;
    background: transparent;
    font-size: 1.25rem;
    font-weight: 600;
    text-align: start;
  }

  .name-button:hover {
    border-color: var(--_border);
  }

  .name-text {
    overflow-wrap: anywhere;
  }

  .name-input {
    inline-size: 100%;
    font-size: 1.25rem;
    font-weight: 600;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    margin-inline-start: auto;
  }

  /* Layout */

  .body {
    display: grid;
    grid-template-columns: minmax(16rem, var(--cr-editor-panel-width, 22rem)) minmax(0, 1fr);
    gap: var(--_space);
    align-items: start;
  }

  @container (max-width: 44rem) {
    .body {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .panel,
  .filter-panel {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: ${cr.radius};
    padding: var(--_space);
  }

  .panel {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .main {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    min-inline-size: 0;
  }

  .toolbar {
    display: flex;
    gap: calc(var(--_space) * 0.5);
  }

  .filters-button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }

  .filters-button[aria-expanded='true'] {
    border-color: var(--_accent);
  }

  /* Tabs */

  .tabs {
    display: flex;
    gap: 2px;
    border-block-end: 1px solid var(--_border);
  }

  [role='tab'] {
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    background: transparent;
    font-weight: 600;
    color: var(--_muted);
  }

  [role='tab'][aria-selected='true'] {
    color: ${cr.text};
    border-block-end-color: var(--_accent);
  }

  .tabpanel {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .tabpanel[hidden] {
    display: none;
  }

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

  /* Property search (combobox) */

  cr-property-search {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-inline-size: 0;
  }

  .search-box {
    position: relative;
  }

  .search-input {
    inline-size: 100%;
  }

  /* In the flow, not floating: a floating list was clipped at the bottom of the editor's dialog. */
  .search-list {
    position: static;
    margin-block-start: 2px;
    max-block-size: 16rem;
    overflow: auto;
    padding: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.16);
  }

  .search-list[hidden] {
    display: none;
  }

  .search-group {
    padding: 0.4em 0.5em 0.2em;
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }

  .search-option {
    display: flex;
    justify-content: space-between;
    gap: 0.75em;
    padding: 0.35em 0.5em;
    border-radius: 4px;
    cursor: pointer;
  }

  .search-option:hover,
  .search-option[aria-selected='true'] {
    background: var(--_hover);
  }

  .search-option[aria-selected='true'] {
    outline: 2px solid ${cr.focus};
    outline-offset: -2px;
  }

  .search-empty {
    font-size: 0.85rem;
    color: var(--_muted);
  }

  .search-empty:empty {
    display: none;
  }

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

  .filter-summary {
    margin: 0;
    font-size: 0.85rem;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .preview report-tile {
    min-block-size: 12rem;
  }
`;
