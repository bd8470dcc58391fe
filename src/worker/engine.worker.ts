/**
 * The engine Worker: holds the conversation table of a large load and computes reports next to
 * it, so the page's main thread only ever sees pages going in and results coming out.
 */
import { createEngineHost } from './engine-host.ts';
import type { FromEngine, ToEngine } from './protocol.ts';

// The DOM and WebWorker type libraries clash in one program; this is all of the Worker scope used.
const scope = self as unknown as {
  postMessage(message: FromEngine): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToEngine>) => void): void;
};
const handle = createEngineHost((message: FromEngine) => scope.postMessage(message));
scope.addEventListener('message', (event: MessageEvent<ToEngine>) => handle(event.data));
scope.postMessage({ type: 'hello' } satisfies FromEngine);
