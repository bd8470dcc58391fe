// Custom Elements Manifest analyzer: the JSDoc headers of the elements are the API; this turns
// them into custom-elements.json (`npm run manifest`).

/**
 * The analyzer guesses an event from every `dispatchEvent(new X(...))`, reading X's first argument
 * as the name ("", "spec", "saved"…). Our events are typed classes documented with `@fires`, so only
 * documented events are kept.
 */
const documentedEventsOnly = {
  name: 'documented-events-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.events) continue;
        declaration.events = declaration.events.filter((event) => event.name && event.description);
      }
    }
  },
};

/**
 * A base class shared by elements (e.g. `StoreDialogElement`) extends LitElement but defines no tag:
 * it documents inherited members, it is not an element of its own.
 */
const baseClassesAreNotElements = {
  name: 'base-classes-are-not-elements',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.customElement && !declaration.tagName) delete declaration.customElement;
      }
    }
  },
};

export default {
  globs: ['src/elements/**/*.ts', 'src/charts/chart-view/chart-view.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [documentedEventsOnly, baseClassesAreNotElements],
};
