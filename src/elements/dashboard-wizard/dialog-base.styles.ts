import { css } from 'lit';

/**
 * The look the dashboard dialogs (wizard, settings, report library) share: tokens, the modal box,
 * header and footer, form controls, messages. Each element adds its own layout on top.
 */
export const dialogBaseStyles = css`
  :host {
    --_bg: var(--cr-dialog-bg, var(--cr-color-surface, #fff));
    --_text: var(--cr-color-text, #1f2328);
    --_muted: var(--cr-color-muted, #57606a);
    --_border: var(--cr-color-border, #d0d7de);
    --_accent: var(--cr-color-accent, #0969da);
    --_on-accent: var(--cr-color-on-accent, #fff);
    --_danger: var(--cr-color-danger, #cf222e);
    --_focus: var(--cr-color-focus, #0969da);
    --_hover: var(--cr-color-hover, rgb(208 215 222 / 0.32));
    --_space: var(--cr-space, 8px);
    --_radius: var(--cr-radius, 8px);
    font-family: var(--cr-font-family, system-ui, sans-serif);
  }

  :host([hidden]) {
    display: none;
  }

  dialog {
    box-sizing: border-box;
    max-width: 94vw;
    max-height: 90vh;
    padding: 0;
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
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  .header,
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
  }

  .header {
    justify-content: space-between;
    border-block-end: 1px solid var(--_border);
  }

  .footer {
    justify-content: flex-end;
    border-block-start: 1px solid var(--_border);
  }

  .footer .spacer {
    flex: 1;
  }

  .body {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
    padding: calc(var(--_space) * 2);
  }

  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.3;
  }

  h2 {
    font-size: 1.125rem;
  }

  h3 {
    font-size: 1rem;
    margin-block-end: var(--_space);
  }

  h4 {
    font-size: 0.9375rem;
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  .step {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  p {
    margin: 0 0 var(--_space);
  }

  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }

  button {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    min-block-size: 2.25rem;
    cursor: pointer;
  }

  button:hover {
    background: var(--_hover);
  }

  button.primary {
    background: var(--_accent);
    border-color: transparent;
    color: var(--_on-accent);
  }

  button.danger {
    background: var(--_danger);
    border-color: transparent;
    color: var(--_on-accent);
  }

  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }

  input[type='text'],
  select {
    box-sizing: border-box;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: calc(var(--_space) / 2) var(--_space);
    min-block-size: 2.25rem;
  }

  input[type='text'] {
    inline-size: 100%;
  }

  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  input[type='radio'],
  input[type='checkbox'] {
    inline-size: 1.05em;
    block-size: 1.05em;
    margin: 0;
    accent-color: var(--_accent);
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  fieldset {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  legend {
    padding: 0;
    margin-block-end: var(--_space);
    font-weight: 600;
  }

  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-block-end: calc(var(--_space) * 2);
  }

  .field label {
    font-weight: 600;
  }

  .hint,
  .note {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  .problem {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_danger);
  }

  .problem:empty {
    display: none;
  }

  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: var(--_space);
    row-gap: calc(var(--_space) / 2);
    margin-block-end: var(--_space);
  }

  .choice > .hint,
  .choice > .team-select {
    grid-column: 2;
  }

  .team-select {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
  }

  .error {
    margin: 0 calc(var(--_space) * 2) 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }

  .status {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
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
