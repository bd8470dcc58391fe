import type { ReactiveElement } from 'lit';
import { onDemand } from '../../core/on-demand.ts';

const dialogsPart = onDemand(() => import('./dashboard-dialogs.ts'));

/** The dialogs' markup (dashboard-dialogs.ts), once loaded. */
export const loadedDialogs = (): typeof import('./dashboard-dialogs.ts') | undefined => dialogsPart.value;

/**
 * Loads the dialogs' markup (wizard, settings, library, the editor's `<dialog>`) when one can open:
 * `wanted` = not a wall display, and a store and a user are set or the editor is asked for. The
 * default dashboard (no store) never loads it. Resolves once `host` re-rendered with it (at once when
 * not wanted or loaded); a chunk that did not arrive is asked for again by the next call.
 */
export function dialogsReady(host: ReactiveElement, wanted: boolean): Promise<void> {
  if (!wanted || dialogsPart.ready) return Promise.resolve();
  return dialogsPart.load().then(
    () => host.requestUpdate(),
    () => undefined,
  );
}
