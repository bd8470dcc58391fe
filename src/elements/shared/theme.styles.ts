import { css } from 'lit';

/**
 * The kit's dark theme as custom-property values on the host: `theme="dark"`, or `theme="auto"` in
 * a dark colour scheme. Without it the light defaults apply (the fallbacks of every
 * `var(--cr-…, fallback)`), and whatever `--cr-*` the page sets is inherited.
 */
export const themeStyles = css`
  :host([theme='dark']) {
    color-scheme: dark;
    --cr-color-background: #0d1117;
    --cr-color-surface: #161b22;
    --cr-color-text: #e6edf3;
    --cr-color-muted: #9da7b3;
    --cr-color-border: #30363d;
    --cr-color-accent: #4493f8;
    --cr-color-on-accent: #0d1117;
    --cr-color-danger: #ff7b72;
    --cr-color-focus: #79c0ff;
    --cr-color-hover: rgb(177 186 196 / 0.12);
    --cr-chart-palette: #4493f8, #3fb950, #d29922, #f778ba, #a371f7, #56d4dd, #ff9b5b, #8b949e;
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      color-scheme: dark;
      --cr-color-background: #0d1117;
      --cr-color-surface: #161b22;
      --cr-color-text: #e6edf3;
      --cr-color-muted: #9da7b3;
      --cr-color-border: #30363d;
      --cr-color-accent: #4493f8;
      --cr-color-on-accent: #0d1117;
      --cr-color-danger: #ff7b72;
      --cr-color-focus: #79c0ff;
      --cr-color-hover: rgb(177 186 196 / 0.12);
      --cr-chart-palette: #4493f8, #3fb950, #d29922, #f778ba, #a371f7, #56d4dd, #ff9b5b, #8b949e;
    }
  }
`;
