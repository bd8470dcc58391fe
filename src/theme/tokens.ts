import { unsafeCSS, type CSSResult } from 'lit';
import { DARK_CHART_PALETTE, DEFAULT_PALETTE } from './palette.ts';

/**
 * The kit's design tokens: the one place their built-in values are written. Every element style
 * reads a token through {@link cr}, never with a fallback of its own.
 *
 * Layering, strongest first:
 * 1. `--cr-<name>` set by the page (on `:root`, a wrapper or the element itself): always wins, in
 *    every theme and in every element nested in another (dialogs inside a dashboard included).
 * 2. The built-in value of the element's theme (`theme="light|dark|auto"`), which the theme styles
 *    put in a private `--_cr-<name>` on the host; an element without a `theme` attribute inherits
 *    the theme of its nearest themed ancestor.
 * 3. The light value below, when nothing is themed at all.
 */

/** `--cr-color-<name>`: the light (default) values. The background is transparent: the page shows through. */
export const lightColors = {
  background: 'transparent',
  surface: '#ffffff',
  text: '#1f2328',
  muted: '#57606a',
  border: '#d0d7de',
  accent: '#0969da',
  'on-accent': '#ffffff',
  danger: '#cf222e',
  /** (v2) A change for the better (a faster response, fewer breaches). */
  success: '#1a7f37',
  warning: '#9a6700',
  focus: '#0969da',
  hover: 'rgb(208 215 222 / 0.32)',
} as const;

export type ColorName = keyof typeof lightColors;

/** `--cr-color-<name>`: the built-in `theme="dark"` values (and `theme="auto"` in a dark colour scheme). */
export const darkColors: Readonly<Record<ColorName, string>> = {
  background: '#0d1117',
  surface: '#161b22',
  text: '#e6edf3',
  muted: '#9da7b3',
  border: '#30363d',
  accent: '#4493f8',
  'on-accent': '#0d1117',
  danger: '#ff7b72',
  success: '#3fb950',
  warning: '#d29922',
  focus: '#79c0ff',
  hover: 'rgb(177 186 196 / 0.12)',
};

/** Tokens that do not change with the theme. */
export const sharedTokens = {
  'font-family': 'system-ui, sans-serif',
  radius: '10px',
  space: '12px',
} as const;

export type Scheme = 'light' | 'dark';

/** The built-in colours of a scheme as `--cr-*` declarations, for pages that paint their own wrappers (the gallery). */
export function schemeDeclarations(scheme: Scheme, prefix = '--cr-'): string {
  const colors = scheme === 'dark' ? darkColors : lightColors;
  const palette = scheme === 'dark' ? DARK_CHART_PALETTE : DEFAULT_PALETTE;
  const lines = Object.entries(colors).map(([name, value]) => `${prefix}color-${name}: ${value};`);
  lines.push(`${prefix}chart-palette: ${palette.join(', ')};`);
  return lines.join(' ');
}

const color = (name: ColorName): CSSResult =>
  unsafeCSS(`var(--cr-color-${name}, var(--_cr-color-${name}, ${lightColors[name]}))`);
const shared = (name: keyof typeof sharedTokens): CSSResult => unsafeCSS(`var(--cr-${name}, ${sharedTokens[name]})`);

/** Token references for element styles: `color: ${cr.text};`. */
export const cr = {
  background: color('background'),
  surface: color('surface'),
  text: color('text'),
  muted: color('muted'),
  border: color('border'),
  accent: color('accent'),
  onAccent: color('on-accent'),
  danger: color('danger'),
  success: color('success'),
  warning: color('warning'),
  focus: color('focus'),
  hover: color('hover'),
  fontFamily: shared('font-family'),
  radius: shared('radius'),
  space: shared('space'),
} as const;
