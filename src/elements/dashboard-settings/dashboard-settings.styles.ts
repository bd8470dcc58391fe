import { css } from 'lit';

export const dashboardSettingsStyles = css`
  dialog {
    width: min(94vw, 560px);
  }

  section {
    padding-block: calc(var(--_space) * 2);
    border-block-start: 1px solid var(--_border);
  }

  section:first-of-type {
    border-block-start: 0;
    padding-block-start: 0;
  }

  .rename .field {
    margin-block-end: var(--_space);
  }

  .status:empty {
    display: none;
  }

  .status {
    margin-block-end: calc(var(--_space) * 2);
  }

  .error {
    margin: 0 0 calc(var(--_space) * 2);
  }

  section .note {
    margin-block-end: var(--_space);
  }

  .confirm h3 {
    font-size: 1.0625rem;
  }
`;
