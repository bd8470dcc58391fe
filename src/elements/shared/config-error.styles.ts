import { css } from 'lit';
import { cr } from '../../theme/tokens.ts';

/** `part="config-error"`: what is wrong with a markup configuration, field by field (dashboard and tile). */
export const configErrorStyles = css`
  [part='config-error'] {
    padding: var(--_space);
    color: ${cr.text};
    overflow-wrap: anywhere;
  }

  [part='config-error'] p {
    margin: 0 0 0.5em;
    color: ${cr.danger};
  }

  [part='config-error'] ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
`;
