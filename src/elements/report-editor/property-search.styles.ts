import { css } from 'lit';
import { cr } from '../../theme/tokens.ts';

/** `<cr-property-search>` (light DOM): the combobox in the Data tab and in each filter criterion. */
export const propertySearchStyles = css`
  /* Property search (combobox) */

  cr-property-search {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-inline-size: 0;
  }

  .search-box {
    position: relative;
  }

  .search-input {
    inline-size: 100%;
  }

  /* In the flow, not floating: a floating list was clipped at the bottom of the editor's dialog. */
  .search-list {
    position: static;
    margin-block-start: 2px;
    max-block-size: 16rem;
    overflow: auto;
    padding: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.16);
  }

  .search-list[hidden] {
    display: none;
  }

  .search-group {
    padding: 0.4em 0.5em 0.2em;
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }

  .search-option {
    display: flex;
    justify-content: space-between;
    gap: 0.75em;
    padding: 0.35em 0.5em;
    border-radius: 4px;
    cursor: pointer;
  }

  .search-option:hover,
  .search-option[aria-selected='true'] {
    background: var(--_hover);
  }

  .search-option[aria-selected='true'] {
    outline: 2px solid ${cr.focus};
    outline-offset: -2px;
  }

  .search-empty {
    font-size: 0.85rem;
    color: var(--_muted);
  }

  .search-empty:empty {
    display: none;
  }
`;
