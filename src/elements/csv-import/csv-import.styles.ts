import { css } from 'lit';
import { compactTokens } from '../shared/dialog.styles.ts';

export const csvImportStyles = css`
  :host {
    ${compactTokens('--cr-csv-import-bg')}
    display: block;
    color: var(--_text);
  }

  :host([hidden]) {
    display: none;
  }

  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  h2 {
    margin: 0;
    font-size: 1.1rem;
  }

  .file {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }

  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  fieldset {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  legend {
    padding: 0 calc(var(--_space) / 2);
    font-weight: 600;
  }

  .fields {
    display: grid;
    grid-template-columns: minmax(10rem, max-content) minmax(12rem, 1fr);
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: center;
    margin: var(--_space) 0 0;
  }

  .required {
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  select,
  input[type='file'] {
    font: inherit;
    color: inherit;
    max-width: 100%;
  }

  select {
    padding: calc(var(--_space) / 2);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
  }

  .problems {
    margin: 0;
    padding-left: calc(var(--_space) * 2.5);
    max-height: 12rem;
    overflow: auto;
  }

  .error,
  .missing {
    margin: 0;
    color: var(--_danger);
  }

  .status {
    margin: 0;
  }

  button {
    align-self: flex-start;
    padding: var(--_space) calc(var(--_space) * 2.5);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  button[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }

  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
