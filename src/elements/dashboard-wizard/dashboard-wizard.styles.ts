import { css } from 'lit';

export const dashboardWizardStyles = css`
  dialog {
    width: min(94vw, 980px);
  }

  /* The library on the left, the chosen template's checklist beside it, as in the source flow. */
  .template-step {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: calc(var(--_space) * 2);
    align-items: start;
  }

  @media (max-width: 720px) {
    .template-step {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .templates {
    display: grid;
    gap: var(--_space);
    margin: 0;
  }

  .template {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5);
    cursor: pointer;
  }

  .template:hover {
    background: var(--_hover);
  }

  .template.selected {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }

  .template-title {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin-block-end: calc(var(--_space) / 2);
  }

  .template-title label {
    font-weight: 600;
    cursor: pointer;
  }

  .count {
    margin-inline-start: auto;
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  .description {
    margin-block-end: calc(var(--_space) / 2);
  }

  .template-reports {
    margin: 0;
    padding-inline-start: 1.25rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }

  .panel {
    border-inline-start: 1px solid var(--_border);
    padding-inline-start: calc(var(--_space) * 2);
  }

  @media (max-width: 720px) {
    .panel {
      border-inline-start: 0;
      border-block-start: 1px solid var(--_border);
      padding-inline-start: 0;
      padding-block-start: calc(var(--_space) * 2);
    }
  }

  .report-option {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: var(--_space);
    margin-block-end: var(--_space);
  }

  .report-option > .hint {
    grid-column: 2;
  }

  .reason {
    color: var(--_muted);
  }

  .details {
    display: contents;
  }

  .details-step {
    max-inline-size: 40rem;
  }

  .summary {
    color: var(--_muted);
  }
`;
