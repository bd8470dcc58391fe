// How a test drives a dialog element of the kit (wizard, settings, report library, drill dialog):
// the element sits beside the button that opens it, as on a page, so a test can follow focus into
// the dialog and back to that button.
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

/** A dialog element: shown by its `show()`, rendered by lit. */
export interface DialogElement extends HTMLElement {
  show(): unknown;
  readonly updateComplete: Promise<boolean>;
}

/** The focused element, looked for through open shadow roots (the test's own copy, not the kit's). */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The first match of `selector` in `el`'s shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
/** Every match of `selector` in `el`'s shadow root. */
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** Renders `dialog` after a button labelled `label` whose click calls the dialog's `show()`. */
export async function withOpener<T extends DialogElement>(label: string, dialog: TemplateResult): Promise<{ el: T; opener: HTMLButtonElement }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="opener">${label}</button>
    ${dialog}
  </div>`);
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  const el = opener.nextElementSibling as T;
  opener.addEventListener('click', () => void el.show());
  return { el, opener };
}

/** Focuses the opener and clicks it, as a user would, and waits for the dialog to render open. */
export async function openFrom(opener: HTMLButtonElement, el: DialogElement): Promise<void> {
  opener.focus();
  opener.click();
  await el.updateComplete;
  await el.updateComplete;
}

/** Types `value` into `input` (one `input` event, as a paste would) and waits for `el` to render it. */
export async function typeInto(el: DialogElement, input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}
