import { css } from 'lit';
import { cr } from '../../theme/tokens.ts';

/** The refresh status ("Updated 3 minutes ago" + Refresh) and kiosk mode. */
export const liveDisplayStyles = css`
  [part='refresh'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    font-size: 0.85rem;
    color: ${cr.muted};
  }

  .refresh-error {
    flex-basis: 100%;
    margin: 0;
    color: ${cr.text};
  }

  /* A wall display: nothing to edit, so no Actions menus on the tiles. */
  :host([kiosk]) report-tile::part(actions) {
    display: none;
  }
`;
