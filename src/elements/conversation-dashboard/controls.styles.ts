import { css } from 'lit';
import { cr } from '../../theme/tokens.ts';

/** Labelled fields, selects, inputs and buttons as the dashboard and its parts (range picker, data quality) draw them. */
export const controlStyles = css`
  .field {
    display: grid;
    gap: 4px;
    font-size: 0.8rem;
    color: ${cr.muted};
  }

  select,
  input,
  button {
    font: inherit;
    font-size: 0.9rem;
    color: ${cr.text};
    background: ${cr.surface};
    border: 1px solid ${cr.border};
    border-radius: calc(${cr.radius} * 0.6);
    padding: 0.4em 0.6em;
    min-block-size: 2.25rem;
    box-sizing: border-box;
  }

  button {
    cursor: pointer;
  }

  button.primary {
    background: ${cr.accent};
    color: ${cr.onAccent};
    border-color: transparent;
  }

  :focus-visible {
    outline: 2px solid ${cr.focus};
    outline-offset: 2px;
  }
`;
