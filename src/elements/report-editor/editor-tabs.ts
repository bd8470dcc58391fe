import { html, nothing, type TemplateResult } from 'lit';
import type { Tab, Translate } from './editor-types.ts';

const tabs: readonly Tab[] = ['chart', 'data'];

export interface TabsProps {
  tab: Tab;
  t: Translate;
  /** The content of a tab; only the selected one is rendered. */
  panel: (tab: Tab) => TemplateResult;
  onSelect: (tab: Tab, focus: boolean) => void;
}

/** The tab a key moves to in an ARIA tab list (arrows wrap around, Home and End), or undefined. */
function tabAfterKey(tab: Tab, key: string): Tab | undefined {
  const index = tabs.indexOf(tab);
  if (key === 'ArrowRight') return tabs[(index + 1) % tabs.length];
  if (key === 'ArrowLeft') return tabs[(index + tabs.length - 1) % tabs.length];
  if (key === 'Home') return tabs[0];
  if (key === 'End') return tabs[tabs.length - 1];
  return undefined;
}

/** The left panel: the Chart and Data tabs, keyboard-operable as the ARIA tabs pattern says. */
export function renderTabs(props: TabsProps): TemplateResult {
  const { t, tab: selected } = props;
  const onKeydown = (event: KeyboardEvent) => {
    const next = tabAfterKey(selected, event.key);
    if (!next) return;
    event.preventDefault();
    props.onSelect(next, true);
  };
  return html`<div part="panel" class="panel">
    <div part="tabs" class="tabs" role="tablist" aria-label=${t('editor.tabs')} @keydown=${onKeydown}>
      ${tabs.map(
        (tab) => html`<button
          type="button"
          role="tab"
          id=${`tab-${tab}`}
          aria-selected=${selected === tab ? 'true' : 'false'}
          aria-controls=${`panel-${tab}`}
          tabindex=${selected === tab ? '0' : '-1'}
          @click=${() => props.onSelect(tab, false)}
        >
          ${t(`editor.tab.${tab}`)}
        </button>`,
      )}
    </div>
    ${tabs.map(
      (tab) => html`<div role="tabpanel" id=${`panel-${tab}`} class="tabpanel" aria-labelledby=${`tab-${tab}`} ?hidden=${selected !== tab}>
        ${selected === tab ? props.panel(tab) : nothing}
      </div>`,
    )}
  </div>`;
}
