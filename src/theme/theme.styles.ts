import { css, unsafeCSS } from 'lit';
import { schemeDeclarations } from './tokens.ts';

const light = unsafeCSS(schemeDeclarations('light', '--_cr-'));
const dark = unsafeCSS(`color-scheme: dark; ${schemeDeclarations('dark', '--_cr-')}`);

/**
 * The kit's built-in themes, `theme="light|dark|auto"` on the host. They set only the private
 * `--_cr-*` values that {@link cr} falls back to, never a public `--cr-*`: whatever `--cr-*` the page
 * sets wins over them, in this element and in every element nested in it, themed or not. Without a
 * `theme` attribute an element inherits the built-in values of its nearest themed ancestor.
 */
export const themeStyles = css`
  :host([theme='light']),
  :host([theme='auto']) {
    ${light}
  }

  :host([theme='dark']) {
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
`;
