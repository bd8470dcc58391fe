import { css, unsafeCSS, type CSSResult } from 'lit';
import { cr } from '../../theme/tokens.ts';
import { visuallyHiddenStyles } from '../../theme/visually-hidden.styles.ts';

/**
 * The private `--_*` tokens of the kit's compact surfaces (dialogs and the CSV import form), with
 * `background` (a component custom property, e.g. `--cr-dialog-bg`) over the surface colour.
 * Dialogs are denser than dashboards: two thirds of the spacing token (8px by default).
 */
export function compactTokens(background: `--cr-${string}`): CSSResult {
  return css`
    --_bg: var(${unsafeCSS(background)}, ${cr.surface});
    --_text: ${cr.text};
    --_muted: ${cr.muted};
    --_border: ${cr.border};
    --_accent: ${cr.accent};
    --_on-accent: ${cr.onAccent};
    --_danger: ${cr.danger};
    --_focus: ${cr.focus};
    --_hover: ${cr.hover};
    --_space: calc(${cr.space} * 2 / 3);
    --_radius: ${cr.radius};
    font-family: ${cr.fontFamily};
  `;
}

/**
 * The modal box every dialog of the kit shares (drill dialog, wizard, settings, report library):
 * the private `--_*` tokens, the native `<dialog>` and its backdrop, the heading, buttons, focus
 * ring and the visually-hidden helper. Each element adds its own layout on top.
 */
export const dialogShellStyles = css`
  :host {
    ${compactTokens('--cr-dialog-bg')}
  }

  :host([hidden]) {
    display: none;
  }

  dialog {
    box-sizing: border-box;
    max-width: 94vw;
    max-height: 90vh;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-family: inherit;
  }

  /* Only when open: a closed dialog must keep the UA's display: none. */
  dialog[open] {
    display: flex;
    flex-direction: column;
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  h2 {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.3;
  }

  button {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    cursor: pointer;
  }

  button:hover {
    background: var(--_hover);
  }

  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  ${visuallyHiddenStyles}
`;
