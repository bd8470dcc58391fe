/**
 * Starts the engine Worker. The `new Worker(new URL(…, import.meta.url), { type: 'module' })` form
 * is the one bundlers (vite, rollup, webpack 5, esbuild with a plugin) and dev servers recognise:
 * they emit the Worker as its own chunk and rewrite the URL, and unbundled it loads as is.
 * Returns null where there are no Workers (Node, old runtimes) or the page forbids them (CSP).
 */
export function createEngineWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'conversation-reports-engine' });
  } catch {
    return null;
  }
}
