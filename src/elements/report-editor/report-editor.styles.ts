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
