import { css } from 'lit';
import { cr } from '../../theme/tokens.ts';

export const dataQualityStyles = css`
  :host {
    display: block;
    margin-block-end: var(--_space, 1rem);
    padding: calc(var(--_space, 1rem) * 0.6) var(--_space, 1rem);
    border: 1px solid ${cr.border};
    border-inline-start: 4px solid ${cr.warning};
    border-radius: ${cr.radius};
    background: ${cr.surface};
    color: ${cr.text};
    font-size: 0.9rem;
  }

  summary {
    cursor: pointer;
    display: flex;
    gap: 0.6em;
    align-items: baseline;
  }

  .why {
    color: ${cr.accent};
    text-decoration: underline;
  }

  ul {
    max-block-size: 12rem;
    overflow: auto;
    margin: 0.5em 0;
    padding-inline-start: 1.2em;
    font-size: 0.85rem;
    overflow-wrap: anywhere;
  }

  /* A record's id can be any length: each reason stops at three lines (the CSV has it whole). */
  .reason {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
`;
