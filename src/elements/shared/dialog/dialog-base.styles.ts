import { css } from 'lit';
import { dialogShellStyles } from '../dialog.styles.ts';

/**
 * The look the dashboard dialogs (wizard, settings, report library) share on top of the kit's
 * dialog shell: header and footer, form controls, messages. Each element adds its own layout on top.
 */
export const dialogBaseStyles = [
  dialogShellStyles,
  css`
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

  h3,
  h4 {
    margin: 0;
    line-height: 1.3;
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

  input,
  select {
    font: inherit;
    color: inherit;
  }

  button {
    min-block-size: 2.25rem;
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
`,
];
