import { css } from 'lit';

export const reportLibraryStyles = css`
  dialog {
    width: min(94vw, 760px);
  }

  section + section {
    margin-block-start: calc(var(--_space) * 2.5);
  }

  .reports {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .report {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
    padding: var(--_space) calc(var(--_space) * 1.5);
  }

  .report + .report {
    border-block-start: 1px solid var(--_border);
  }

  .text {
    flex: 1;
    display: grid;
    gap: 2px;
    min-inline-size: 0;
  }

  .title {
    font-weight: 600;
  }

  .badge {
    justify-self: start;
    margin-block-start: 2px;
    padding: 0 calc(var(--_space) * 0.75);
    border: 1px solid var(--_accent);
    border-radius: 999px;
    font-size: 0.75rem;
    color: var(--_text);
  }

  .custom {
    padding: calc(var(--_space) * 1.5);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
`;
