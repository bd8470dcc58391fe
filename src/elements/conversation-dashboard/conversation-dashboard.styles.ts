import { css } from 'lit';
import { configErrorStyles } from '../shared/config-error.styles.ts';
import { cr } from '../../theme/tokens.ts';
import { visuallyHiddenStyles } from '../../theme/visually-hidden.styles.ts';

export const conversationDashboardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    color: ${cr.text};
    background: ${cr.background};
    font-family: ${cr.fontFamily};
    --_space: ${cr.space};
  }

  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }

  /* A fixed size, so switching Chart/Data does not make the dialog jump; its content scrolls. */
  .editor-dialog {
    inline-size: min(1200px, 96vw);
    block-size: min(880px, 94vh);
    max-block-size: 94vh;
    box-sizing: border-box;
    padding: var(--_space);
    border: 1px solid ${cr.border};
    border-radius: ${cr.radius};
    background: ${cr.surface};
    color: ${cr.text};
  }

  .editor-dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }

  report-tile[draggable='true'] {
    cursor: grab;
  }

  .spacer {
    flex: 1;
  }

  [part='switcher'] {
    font-size: 1.1rem;
    font-weight: 600;
  }

  .compare {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font-size: 0.9rem;
    color: ${cr.text};
    min-block-size: 2.25rem;
  }

  .compare input {
    min-block-size: auto;
    inline-size: 1.1em;
    block-size: 1.1em;
    accent-color: ${cr.accent};
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
    border-radius: ${cr.radius};
    border: 1px solid ${cr.border};
    background: ${cr.surface};
    font-size: 0.9rem;
  }

  [part='error'] {
    border-color: ${cr.danger};
    color: ${cr.danger};
  }

  /* A toast at the bottom of the view: what just happened, and Undo. */
  .toast.open {
    position: fixed;
    z-index: 10;
    inset-block-end: var(--_space);
    inset-inline: var(--_space);
    margin-inline: auto;
    max-inline-size: 36rem;
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: ${cr.radius};
    background: ${cr.text};
    color: ${cr.background};
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
    font-size: 0.9rem;
  }

  .toast-message {
    flex: 1;
  }

  .toast button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: ${cr.radius};
    padding: 0.25em 0.75em;
    cursor: pointer;
  }

  .toast .dismiss {
    border-color: transparent;
  }

  .toast button:focus-visible {
    outline: 2px solid ${cr.accent};
    outline-offset: 2px;
  }

  progress {
    flex: 1;
    min-inline-size: 8rem;
    accent-color: ${cr.accent};
  }

  [part='grid'] {
    display: grid;
    gap: var(--_space);
    grid-template-columns: 1fr;
  }

  /* Six columns from 700px, so that a tile can take a third, half, two thirds or all of a row (v2
     layout.sizes); a tile with no size takes half a row up to 1100px, a third above. */
  @container (min-width: 700px) {
    [part='grid'] {
      grid-template-columns: repeat(6, minmax(0, 1fr));
    }
    report-tile {
      grid-column: span 3;
    }
    report-tile.wide,
    report-tile.size-full {
      grid-column: span 6;
    }
    report-tile.size-third {
      grid-column: span 2;
    }
    report-tile.size-two-thirds {
      grid-column: span 4;
    }
  }

  @container (min-width: 1100px) {
    report-tile {
      grid-column: span 2;
    }
    report-tile.wide {
      grid-column: span 4;
    }
    report-tile.size-half {
      grid-column: span 3;
    }
    report-tile.size-full {
      grid-column: span 6;
    }
    report-tile.size-third {
      grid-column: span 2;
    }
    report-tile.size-two-thirds {
      grid-column: span 4;
    }
  }

  ${configErrorStyles}
  ${visuallyHiddenStyles}

  /* On the dashboard the list stands alone: boxed like a tile, in the danger colour. */
  [part='config-error'] {
    border: 1px solid ${cr.danger};
    border-radius: ${cr.radius};
    background: ${cr.surface};
  }

  .empty {
    padding: calc(var(--_space) * 2);
    text-align: center;
    color: ${cr.muted};
  }
`;
