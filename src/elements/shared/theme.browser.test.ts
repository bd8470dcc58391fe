import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../index.ts';
import '../csv-import/csv-import.ts';
import '../dashboard-settings/dashboard-settings.ts';
import '../dashboard-wizard/dashboard-wizard.ts';
import '../report-library/report-library.ts';
import '../report-editor/report-editor.ts';
import { ArrayDataSource } from '../../adapters/array-data-source.ts';
import type { ConversationDashboard } from '../conversation-dashboard/conversation-dashboard.ts';
import type { DrillDialog } from '../drill-dialog/drill-dialog.ts';
import { MemoryDashboardStore } from '../../store/index.ts';
import { darkColors, lightColors, sharedTokens, type ColorName } from '../../theme/tokens.ts';

/** The colour a CSS colour value computes to, as `rgb(…)`. */
function rgb(value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value;
  document.body.append(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  return computed;
}

const ELEMENTS = ['conversation-dashboard', 'report-tile', 'drill-dialog', 'report-editor', 'dashboard-wizard', 'dashboard-settings', 'report-library', 'csv-import'];

describe('theme tokens', () => {
  it('every element falls back to the same built-in value of each --cr-* token (one source of truth)', () => {
    const seen = new Map<string, Set<string>>();
    for (const name of ELEMENTS) {
      const element = customElements.get(name) as unknown as typeof LitElement | undefined;
      expect(element, name).to.exist;
      const cssText = element!.elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
      for (const match of cssText.matchAll(/var\(--cr-(color-[a-z-]+|radius|space|font-family),\s*((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)/g)) {
        const [, token, fallback] = match;
        const set = seen.get(token!) ?? new Set<string>();
        set.add(fallback!.trim());
        seen.set(token!, set);
      }
    }
    expect(seen.size, 'tokens read').to.be.greaterThan(8);
    for (const [token, fallbacks] of seen) expect([...fallbacks], `--cr-${token}`).to.have.length(1);
    for (const name of Object.keys(lightColors) as ColorName[]) {
      const fallbacks = seen.get(`color-${name}`);
      if (fallbacks) expect([...fallbacks][0]).to.equal(`var(--_cr-color-${name}, ${lightColors[name]})`);
    }
    expect([...seen.get('radius')!][0]).to.equal(sharedTokens.radius);
    expect([...seen.get('space')!][0]).to.equal(sharedTokens.space);
  });

  it('draws <drill-dialog theme="dark"> with the built-in dark values, and follows a themed ancestor without the attribute', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <drill-dialog theme="dark" locale="en"></drill-dialog>
      <drill-dialog theme="light" locale="en"></drill-dialog>
    </div>`);
    const [dark, light] = [...wrapper.querySelectorAll<DrillDialog>('drill-dialog')];
    for (const dialog of [dark!, light!]) await dialog.show();
    const background = (dialog: DrillDialog) => getComputedStyle(dialog.shadowRoot!.querySelector('dialog')!).backgroundColor;
    expect(background(dark!)).to.equal(rgb(darkColors.surface));
    expect(background(light!)).to.equal(rgb(lightColors.surface));
    expect(dark!.getAttribute('theme')).to.equal('dark');
    for (const dialog of [dark!, light!]) await dialog.hide();
  });

  it('lets a page’s own --cr-* values win over the built-in dark values in dialogs inside a dark dashboard', async () => {
    const user = { id: 'olivia', teamIds: [], canEdit: true };
    const store = new MemoryDashboardStore();
    const el = await fixture<ConversationDashboard>(html`<conversation-dashboard
      theme="dark"
      locale="en"
      style="--cr-color-surface: rgb(1, 2, 3); --cr-color-text: rgb(250, 240, 230)"
      .dataSource=${new ArrayDataSource([])}
      .store=${store}
      .user=${user}
    ></conversation-dashboard>`);
    await el.updateComplete;
    const drill = el.shadowRoot!.querySelector<DrillDialog>('drill-dialog')!;
    expect(drill.getAttribute('theme'), 'the dashboard passes its theme on').to.equal('dark');
    const wizard = el.shadowRoot!.querySelector<LitElement>('dashboard-wizard')!;
    expect(wizard, 'wizard').to.exist;
    await drill.show();
    for (const host of [drill, wizard]) {
      await host.updateComplete;
      const box = host.shadowRoot!.querySelector('dialog')!;
      expect(getComputedStyle(box).backgroundColor, host.localName).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(box).color, host.localName).to.equal('rgb(250, 240, 230)');
    }
    await drill.hide();
    // And where the page sets nothing, the dark defaults still apply.
    const border = getComputedStyle(wizard.shadowRoot!.querySelector('dialog')!).borderTopColor;
    expect(border).to.equal(rgb(darkColors.border));
  });
});
