import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement, html as litHtml } from 'lit';
import { MenuController } from './menu-controller.ts';

/** Two menu buttons (keys "a" and "b"), as the editor has one per chip. */
class MenuHost extends LitElement {
  readonly menu = new MenuController<string>(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')],
    button: (key) => this.renderRoot.querySelector<HTMLElement>(`button[data-key="${key}"]`),
  });

  protected override render() {
    return litHtml`${['a', 'b'].map(
      (key) => litHtml`<button data-key=${key} aria-expanded=${this.menu.isOpen(key) ? 'true' : 'false'}
          @click=${() => this.menu.toggle(key)} @keydown=${(event: KeyboardEvent) => this.menu.buttonKeydown(key, event)}>${key}</button>
        ${this.menu.isOpen(key)
          ? litHtml`<ul role="menu" @keydown=${this.menu.menuKeydown}>
              ${['one', 'two', 'three'].map((item) => litHtml`<li role="none"><button role="menuitem" tabindex="-1">${key}-${item}</button></li>`)}
            </ul>`
          : null}`,
    )}`;
  }
}
customElements.define('menu-controller-host', MenuHost);

const active = (el: MenuHost) => el.shadowRoot!.activeElement?.textContent;

describe('MenuController', () => {
  afterEach(() => resetMouse());

  it('opens on ArrowUp at the last item, walks with the arrows (wrapping), Home and End, and Escape returns focus', async () => {
    const el = await fixture<MenuHost>(html`<menu-controller-host></menu-controller-host>`);
    el.shadowRoot!.querySelector<HTMLElement>('[data-key="b"]')!.focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.menu.openKey).to.equal('b');
    expect(active(el)).to.equal('b-three');
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)).to.equal('b-one');
    await sendKeys({ press: 'End' });
    expect(active(el)).to.equal('b-three');
    await sendKeys({ press: 'Home' });
    expect(active(el)).to.equal('b-one');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.menu.isOpen()).to.equal(false);
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
    expect(active(el)).to.equal('b');
  });

  it('closes on a pointer-down outside the host, and keeps one menu open at a time', async () => {
    const el = await fixture<MenuHost>(html`<menu-controller-host></menu-controller-host>`);
    el.menu.toggle('a');
    await el.updateComplete;
    el.menu.toggle('b');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[role="menu"]')).to.have.length(1);
    expect(el.menu.isOpen('b')).to.equal(true);
    await sendMouse({ type: 'click', position: [window.innerWidth - 5, window.innerHeight - 5] });
    await el.updateComplete;
    expect(el.menu.isOpen()).to.equal(false);
  });

  it('closes when the host leaves the page', async () => {
    const el = await fixture<MenuHost>(html`<menu-controller-host></menu-controller-host>`);
    await el.menu.open('a');
    el.remove();
    expect(el.menu.isOpen()).to.equal(false);
  });
});
