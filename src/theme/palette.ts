/** The chart palettes of the built-in themes (`--cr-chart-palette`): tokens, read by charts and themes alike. */

/**
 * Eight hues whose luminance sits between 0.17 and 0.27: each has at least 3:1 contrast against both a white
 * and a near-black (#1e1e1e) surface, so the default reads in light and dark pages. Neighbours differ in hue
 * and lightness, and decals (aria) mark series as well, so colour is never the only cue.
 */
export const DEFAULT_PALETTE: readonly string[] = [
  '#2f7fd8', // blue
  '#c2620a', // orange
  '#23955a', // green
  '#9457d0', // purple
  '#178f9c', // teal
  '#c84489', // magenta
  '#8f7a12', // olive
  '#d64a36', // red
];

/** `--cr-chart-palette` in the dark theme; the light one is `DEFAULT_PALETTE`. */
export const DARK_CHART_PALETTE: readonly string[] = ['#4493f8', '#3fb950', '#d29922', '#f778ba', '#a371f7', '#56d4dd', '#ff9b5b', '#8b949e'];
