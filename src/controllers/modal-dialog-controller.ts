import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The focused element, looking through open shadow roots, so focus can go back to a button inside another component. */
export function deepActiveElement(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * The native modal `<dialog>` behaviour every dialog of the kit shares: the platform traps focus
 * and closes on Escape; this remembers who opened it, gives focus back on every way of closing,
 * and lets `hide()` wait for the close to have happened.
 *
 * Wire the dialog's `close` event to `handleClose`.
 */
export class ModalDialogController implements ReactiveController {
  readonly #dialog: () => HTMLDialogElement | null;
  readonly #onClosed: () => void;
  #opener: HTMLElement | null = null;
  #refused = false;
  #waiters: (() => void)[] = [];

  constructor(host: ReactiveControllerHost, dialog: () => HTMLDialogElement | null, onClosed: () => void) {
    this.#dialog = dialog;
    this.#onClosed = onClosed;
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.#dialog()?.open ?? false;
  }

  /**
   * Whether the last attempt to show the dialog failed. A host's `show()` asks this rather than
   * `isOpen`: the dialog may already have been closed again by the time `show()` resumes.
   */
  get refused(): boolean {
    return this.#refused;
  }

  /** Shows the dialog, modal; false when it cannot be (not connected). */
  open(): boolean {
    const dialog = this.#dialog();
    this.#refused = !dialog;
    if (!dialog || dialog.open) return !this.#refused;
    this.#opener = deepActiveElement();
    try {
      dialog.showModal();
      return true;
    } catch {
      this.#opener = null;
      this.#refused = true;
      return false;
    }
  }

  /** Closes the dialog; resolves once `handleClose` has run (focus is back with the opener). */
  close(): Promise<void> {
    const dialog = this.#dialog();
    if (!dialog?.open) return Promise.resolve();
    const closed = new Promise<void>((resolve) => this.#waiters.push(resolve));
    dialog.close();
    return closed;
  }

  /**
   * Brings the dialog in line with the host's `open` property; call it from `updated` when `open`
   * changed. `'refused'`: it could not be shown, and the host should set `open` back to false.
   */
  sync(open: boolean): 'shown' | 'refused' | null {
    if (open && !this.isOpen) return this.open() ? 'shown' : 'refused';
    if (!open && this.isOpen) void this.close();
    return null;
  }

  /** The dialog's `close` event: Escape, a close button, `hide()` all end here. */
  readonly handleClose = (): void => {
    const opener = this.#opener;
    this.#opener = null;
    this.#onClosed();
    if (opener?.isConnected) opener.focus();
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  };

  hostConnected(): void {}

  hostDisconnected(): void {
    // Removed from the page, a dialog leaves the top layer without a close event; closing it keeps
    // the host's `open` truthful and settles pending `hide()` calls.
    const dialog = this.#dialog();
    if (dialog?.open) dialog.close();
    else if (this.#waiters.length > 0) this.handleClose();
  }
}
