import { css } from 'lit';
import { cr } from '../../theme/tokens.ts';

export const rangePickerStyles = css`
  :host,
  .custom-range {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space, 1rem) * 0.5);
  }

  .hint {
    font-size: 0.8rem;
    color: ${cr.danger};
  }
`;
