// Custom Elements Manifest analyzer: the JSDoc headers of the elements are the API; this turns
// them into custom-elements.json (`npm run manifest`).
export default {
  globs: ['src/elements/**/*.ts', 'src/charts/chart-view/chart-view.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
