import { css } from 'lit';
import { configErrorStyles } from '../shared/config-error.styles.ts';
import { cr } from '../../theme/tokens.ts';
import { visuallyHiddenStyles } from '../../theme/visually-hidden.styles.ts';

export const reportTileStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
    color: ${cr.text};
    font-family: ${cr.fontFamily};
    --_space: ${cr.space};
  }

  [part='tile'] {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    box-sizing: border-box;
    background: var(--cr-tile-bg, ${cr.surface});
    border: 1px solid var(--cr-tile-border-color, ${cr.border});
    border-radius: ${cr.radius};
    box-shadow: var(--cr-tile-shadow, 0 1px 2px rgb(0 0 0 / 0.06));
    padding: var(--_space);
    gap: calc(var(--_space) * 0.75);
  }

  header {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
  }

  .heading {
    flex: 1;
    min-inline-size: 0;
  }

  [part='title'] {
    margin: 0;
    font-size: var(--cr-tile-title-size, 1rem);
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  [part='delta'] {
    display: inline-flex;
    gap: 0.25em;
    margin-block-start: 0.25em;
    font-size: 0.85rem;
    color: ${cr.muted};
  }

  [part='measure'] {
    margin: 0;
    font-size: 0.8rem;
    color: ${cr.muted};
  }

  [part='delta'].tone-good {
    color: ${cr.success};
  }

  [part='delta'].tone-bad {
    color: ${cr.danger};
  }

  /* The delta under the title is a paragraph; a margin from CSS, not a style attribute, so a strict CSP (style-src without 'unsafe-inline') has nothing to block. */
  p[part='delta'] {
    margin: 0;
  }

  .arrow {
    font-weight: 700;
  }

  [part='actions'] {
    position: relative;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }

  .menu-button {
    background: transparent;
    border: 1px solid ${cr.border};
    border-radius: calc(${cr.radius} * 0.6);
    padding: 0.25em 0.6em;
    font-size: 0.85rem;
  }

  [role='menu'] {
    position: absolute;
    inset-inline-end: 0;
    inset-block-start: calc(100% + 4px);
    z-index: 5;
    min-inline-size: 11rem;
    margin: 0;
    padding: 4px;
    list-style: none;
    background: var(--cr-menu-bg, ${cr.surface});
    border: 1px solid ${cr.border};
    border-radius: calc(${cr.radius} * 0.6);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.15);
  }

  [role='menuitem'] {
    display: block;
    inline-size: 100%;
    text-align: start;
    background: transparent;
    border: 0;
    border-radius: 4px;
    padding: 0.45em 0.7em;
  }

  [role='menuitem']:hover,
  [role='menuitem']:focus-visible {
    background: ${cr.hover};
  }

  [role='menuitem'][aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }

  :focus-visible {
    outline: 2px solid ${cr.focus};
    outline-offset: 2px;
  }

  [part='body'] {
    position: relative;
    flex: 1;
    min-block-size: var(--cr-chart-height, 300px);
    display: flex;
    flex-direction: column;
  }

  cr-chart-view {
    flex: 1;
  }

  .state {
    flex: 1;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: 0.5em;
    text-align: center;
    color: ${cr.muted};
    padding: var(--_space);
  }

  [part='error'] {
    color: ${cr.danger};
  }

  ${configErrorStyles}

  .retry {
    background: ${cr.accent};
    color: ${cr.onAccent};
    border: 0;
    border-radius: calc(${cr.radius} * 0.6);
    padding: 0.4em 1em;
  }

  .spinner {
    inline-size: 28px;
    block-size: 28px;
    border-radius: 50%;
    border: 3px solid ${cr.border};
    border-block-start-color: ${cr.accent};
    animation: spin 0.9s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }

  /* The KPI scales with its tile (a container), so the number shrinks in a narrow tile instead of wrapping. */
  [part='kpi'] {
    flex: 1;
    display: grid;
    place-content: center;
    text-align: center;
    gap: 0.3em;
    container-type: inline-size;
  }

  .kpi-value {
    font-size: min(var(--cr-kpi-size, 2.75rem), max(1.125rem, 15cqi));
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
    white-space: nowrap;
  }

  [part='footnote'] {
    margin: 0;
    font-size: 0.78rem;
    color: ${cr.muted};
  }

  ${visuallyHiddenStyles}
`;
