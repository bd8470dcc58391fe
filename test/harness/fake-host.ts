// A ReactiveControllerHost without an element, for testing a controller in Node.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A host that counts update requests and runs its controllers' hostUpdate at once, as a render would. */
export class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates += 1;
    for (const controller of this.controllers) controller.hostUpdate?.();
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
  /** As the element's connectedCallback: every controller's hostConnected. */
  connect(): void {
    for (const controller of this.controllers) controller.hostConnected?.();
  }
  disconnect(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}
