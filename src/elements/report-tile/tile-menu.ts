import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { MenuController } from '../../controllers/menu-controller.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import { ReportDuplicateEvent } from '../../events/report-duplicate-event.ts';
import { ReportEditEvent } from '../../events/report-edit-event.ts';
import { ReportMoveEvent } from '../../events/report-move-event.ts';
import { ReportRemoveEvent } from '../../events/report-remove-event.ts';
import { ReportResizeEvent, tileSizes, type TileSize } from '../../events/report-resize-event.ts';
import type { TileText } from './tile-text.ts';

export type TileAction =
  | 'edit' | 'toggle-view' | 'export-csv' | 'export-png' | 'move-up' | 'move-down' | 'remove'
  | 'duplicate' | `copy:${string}` | `size:${TileSize}`;

export interface TileMenuItem {
  action: TileAction;
  label: string;
  disabled?: boolean;
}

/** What the Actions menu offers depends on. */
export interface TileMenuState {
  editable: boolean;
  /** A chart type that has a chart and a table view. */
  graphic: boolean;
  view: 'chart' | 'table';
  hasResult: boolean;
  hasChart: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  size: TileSize | null;
  copyTargets: readonly { id: string; name: string }[];
}

export function tileMenuItems(text: TileText, state: TileMenuState): TileMenuItem[] {
  const { editable, graphic } = state;
  const items: TileMenuItem[] = [];
  if (editable) items.push({ action: 'edit', label: text.t('tile.edit') });
  if (graphic) items.push({ action: 'toggle-view', label: text.t(state.view === 'table' ? 'tile.viewChart' : 'tile.viewTable') });
  items.push({ action: 'export-csv', label: text.t('tile.exportCsv'), disabled: !state.hasResult });
  if (graphic) items.push({ action: 'export-png', label: text.t('tile.exportPng'), disabled: state.view !== 'chart' || !state.hasChart });
  if (editable && state.canMoveUp) items.push({ action: 'move-up', label: text.t('tile.moveUp') });
  if (editable && state.canMoveDown) items.push({ action: 'move-down', label: text.t('tile.moveDown') });
  if (editable && state.size !== null)
    for (const size of tileSizes) items.push({ action: `size:${size}`, label: text.t(`tile.size.${size}`), disabled: size === state.size });
  if (editable) items.push({ action: 'duplicate', label: text.t('tile.duplicate') });
  // Copying needs only the right to edit the other dashboard; the store checks it again.
  for (const target of state.copyTargets) items.push({ action: `copy:${target.id}`, label: text.t('tile.copyTo', { dashboard: target.name }) });
  if (editable) items.push({ action: 'remove', label: text.t('tile.remove') });
  return items;
}

/** The event an action asks the host with, or null for the actions the tile does itself. */
export function tileActionEvent(action: TileAction, spec: ReportSpec): Event | null {
  switch (action) {
    case 'edit':
      return new ReportEditEvent(spec);
    case 'move-up':
    case 'move-down':
      return new ReportMoveEvent(spec.id, action === 'move-up' ? 'up' : 'down');
    case 'remove':
      return new ReportRemoveEvent(spec.id);
    case 'duplicate':
      return new ReportDuplicateEvent(spec.id);
    default:
      if (action.startsWith('size:')) return new ReportResizeEvent(spec.id, action.slice('size:'.length) as TileSize);
      if (action.startsWith('copy:')) return new ReportDuplicateEvent(spec.id, { toDashboardId: action.slice('copy:'.length) });
      return null;
  }
}

/**
 * The open Actions menu of a tile (a WAI-ARIA menu button; see MenuController): loaded on its first
 * open (tile-menu-button.ts renders the button before). The actions a host answers are fired here;
 * `run` does the ones the tile does itself.
 */
export class TileMenu extends MenuController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    const root = () => host.shadowRoot ?? host;
    super(host, {
      items: () => [...root().querySelectorAll<HTMLElement>('[role="menuitem"]')],
      button: () => root().querySelector<HTMLElement>('.menu-button'),
      // The tile's updateComplete waits for this opening.
      focusOnRender: true,
    });
    this.#host = host;
  }

  #choose(action: TileAction, spec: ReportSpec, run: (action: TileAction) => void): void {
    this.close(true);
    const event = tileActionEvent(action, spec);
    if (event) this.#host.dispatchEvent(event);
    else run(action);
  }

  render(text: TileText, spec: ReportSpec, state: TileMenuState, run: (action: TileAction) => void): TemplateResult {
    return html`<ul id="menu" role="menu" aria-label=${text.t('tile.actions')} @keydown=${this.menuKeydown}>
      ${tileMenuItems(text, state).map(
        (item) => html`<li role="none">
          <button
            type="button"
            role="menuitem"
            tabindex="-1"
            data-action=${item.action}
            aria-disabled=${item.disabled ? 'true' : 'false'}
            @click=${() => (item.disabled ? undefined : this.#choose(item.action, spec, run))}
          >
            ${item.label}
          </button>
        </li>`,
      )}
    </ul>`;
  }
}
