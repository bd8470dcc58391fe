/**
 * Engine code handed over at run time instead of imported, so that a page that never runs it does
 * not download it (the quantiles, business-hours time: see their registries). What computes
 * synchronously registers the part when it loads; `get()` before that throws `missing`, which says
 * which install function to call.
 */
export interface LazyPart<T> {
  register(implementation: T): void;
  registered(): boolean;
  get(): T;
}

export function lazyPart<T>(missing: string): LazyPart<T> {
  let value: T | null = null;
  return {
    register: (implementation) => {
      value = implementation;
    },
    registered: () => value !== null,
    get: () => {
      if (value !== null) return value;
      throw new Error(missing);
    },
  };
}
