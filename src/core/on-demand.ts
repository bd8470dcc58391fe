/**
 * A module loaded on first use (`import()`): loaded once, later calls share that load, and a chunk
 * that failed to arrive (network) is asked for again next time. What keeps a part of the kit out of
 * the first paint until something asks for it: a chart part, a renderer, a dashboard store.
 */
export interface OnDemand<T = unknown> {
  /** Whether the module arrived. */
  readonly ready: boolean;
  /** The module, once it arrived. */
  readonly value: T | undefined;
  load(): Promise<void>;
}

/** `loaded` runs once, when the module first arrives. */
export function onDemand<T>(load: () => Promise<T>, loaded: (value: T) => void = () => {}): OnDemand<T> {
  let promise: Promise<void> | null = null;
  let value: T | undefined;
  let ready = false;
  return {
    get ready() {
      return ready;
    },
    get value() {
      return value;
    },
    load() {
      if (ready) return Promise.resolve();
      promise ??= load().then(
        (module) => {
          value = module;
          ready = true;
          loaded(module);
        },
        (error: unknown) => {
          promise = null;
          throw error;
        },
      );
      return promise;
    },
  };
}
