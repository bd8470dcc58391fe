/** The listeners behind `DashboardStore.subscribe`. */
export class ChangeListeners {
  readonly #listeners = new Set<() => void>();

  add(listener: () => void): () => void {
    // A wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
    const entry = () => listener();
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  notify(): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        // A broken listener must not turn a completed save into a failed one; report it like
        // an event handler's error instead.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
