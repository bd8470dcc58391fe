import { css } from 'lit';

export const conversationDashboardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    color: var(--cr-color-text, #1f2328);
    background: var(--cr-color-background, transparent);
    font-family: var(--cr-font-family, system-ui, sans-serif);
    --_space: var(--cr-space, 12px);
  }

  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }

  .field {
    display: grid;
    gap: 4px;
    font-size: 0.8rem;
    color: var(--cr-color-muted, #57606a);
  }

  .editor-dialog {
    inline-size: min(1200px, 96vw);
    max-block-size: 94vh;
    padding: 0;
    border: 1px solid var(--cr-color-border, #d0d7de);
    border-radius: var(--cr-radius, 10px);
    background: var(--cr-color-surface, #fff);
    color: var(--cr-color-text, #1f2328);
  }

  .editor-dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  report-tile[draggable='true'] {
    cursor: grab;
  }

  .spacer {
    flex: 1;
  }

  select,
  input,
  button {
    font: inherit;
    font-size: 0.9rem;
    color: var(--cr-color-text, #1f2328);
    background: var(--cr-color-surface, #fff);
    border: 1px solid var(--cr-color-border, #d0d7de);
    border-radius: calc(var(--cr-radius, 10px) * 0.6);
    padding: 0.4em 0.6em;
    min-block-size: 2.25rem;
    box-sizing: border-box;
  }

  [part='switcher'] {
    font-size: 1.1rem;
    font-weight: 600;
  }

  button {
    cursor: pointer;
  }

  button.primary {
    background: var(--cr-color-accent, #0969da);
    color: var(--cr-color-on-accent, #fff);
    border-color: transparent;
  }

  .compare {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font-size: 0.9rem;
    color: var(--cr-color-text, #1f2328);
    min-block-size: 2.25rem;
  }

  .compare input {
    min-block-size: auto;
    inline-size: 1.1em;
    block-size: 1.1em;
    accent-color: var(--cr-color-accent, #0969da);
  }

  :focus-visible {
    outline: 2px solid var(--cr-color-focus, #0969da);
    outline-offset: 2px;
  }

  .custom-range {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) * 0.5);
  }

  .hint {
    font-size: 0.8rem;
    color: var(--cr-color-danger, #b42318);
  }

  [part='progress'],
  [part='error'],
  [part='notice'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block-end: var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--cr-radius, 10px);
    border: 1px solid var(--cr-color-border, #d0d7de);
    background: var(--cr-color-surface, #fff);
    font-size: 0.9rem;
  }

  [part='error'] {
    border-color: var(--cr-color-danger, #b42318);
    color: var(--cr-color-danger, #b42318);
  }

  progress {
    flex: 1;
    min-inline-size: 8rem;
    accent-color: var(--cr-color-accent, #0969da);
  }

  [part='grid'] {
    display: grid;
    gap: var(--_space);
    grid-template-columns: 1fr;
  }

  @container (min-width: 700px) {
    [part='grid'] {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }

  @container (min-width: 1100px) {
    [part='grid'] {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }

  report-tile.wide {
    grid-column: span 2;
  }

  @container (max-width: 699px) {
    report-tile.wide {
      grid-column: auto;
    }
  }

  [part='data-quality'] {
    margin-block-end: var(--_space);
    padding: calc(var(--_space) * 0.6) var(--_space);
    border: 1px solid var(--cr-color-border, #d0d7de);
    border-inline-start: 4px solid var(--cr-color-warning, #9a6700);
    border-radius: var(--cr-radius, 10px);
    background: var(--cr-color-surface, #fff);
    font-size: 0.9rem;
  }

  [part='data-quality'] summary {
    cursor: pointer;
    display: flex;
    gap: 0.6em;
    align-items: baseline;
  }

  [part='data-quality'] .why {
    color: var(--cr-color-accent, #0969da);
    text-decoration: underline;
  }

  [part='data-quality'] ul {
    max-block-size: 12rem;
    overflow: auto;
    margin: 0.5em 0;
    padding-inline-start: 1.2em;
    font-size: 0.85rem;
    overflow-wrap: anywhere;
  }

  /* A record's id can be any length: each reason stops at three lines (the CSV has it whole). */
  [part='data-quality'] .reason {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }

  [part='config-error'] {
    padding: var(--_space);
    border: 1px solid var(--cr-color-danger, #cf222e);
    border-radius: var(--cr-radius, 10px);
    background: var(--cr-color-surface, #fff);
    color: var(--cr-color-text, #1f2328);
    overflow-wrap: anywhere;
  }

  [part='config-error'] p {
    margin: 0 0 0.5em;
    color: var(--cr-color-danger, #cf222e);
  }

  [part='config-error'] ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }

  .empty {
    padding: calc(var(--_space) * 2);
    text-align: center;
    color: var(--cr-color-muted, #57606a);
  }
`;
