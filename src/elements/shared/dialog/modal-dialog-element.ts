import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../../../controllers/locale-controller.ts';
import { ModalDialogController } from '../../../controllers/modal-dialog-controller.ts';

/**
 * What the kit's dashboard dialogs (wizard, settings, report library) share: `locale`, `theme` and
 * `open`; the native modal `<dialog>` of the shadow root on `ModalDialogController`, with
 * `show()`/`hide()`; texts in the chosen locale. Render one `<dialog>` with
 * `@close=${this.modal.handleClose}`.
 */
export abstract class ModalDialogElement extends LitElement {
  /** BCP 47 locale of the texts (default: the browser's). */
  @property() locale: string | undefined;
  /** `light` (default), `dark`, or `auto` (follows the reader's colour scheme). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Whether the dialog is shown. Prefer `show()`/`hide()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The native modal `<dialog>` in the shadow root: focus trap, Escape, focus back to the opener. */
  protected readonly modal = new ModalDialogController(
    this,
    () => this.shadowRoot?.querySelector('dialog') ?? null,
    () => {
      this.open = false;
    },
  );

  readonly #i18n = new LocaleController(this, { locale: () => this.locale });

  protected get resolvedLocale(): string {
    return this.#i18n.locale;
  }

  protected readonly t = (key: string, params?: Record<string, string | number>): string => this.#i18n.t(key, params);

  /** Also waits for the locale's catalog, so `await el.updateComplete` sees the texts in that language. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#i18n.updateComplete(super.getUpdateComplete());
  }

  /**
   * Opens the dialog; resolves once it is shown.
   * @throws Error when it cannot be shown (not in the document).
   */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    if (this.modal.refused) throw new Error(`<${this.localName}> could not be shown: is it in the document?`);
  }

  /** Closes the dialog; resolves once focus is back with the opener. */
  async hide(): Promise<void> {
    if (this.modal.isOpen) await this.modal.close();
    this.open = false;
    await this.updateComplete;
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('open')) return;
    const shown = this.modal.sync(this.open);
    if (shown === 'refused') this.open = false;
    else if (shown === 'shown') this.dialogShown();
  }

  /** The dialog has just been shown: put focus where the work is. */
  protected dialogShown(): void {}
}
