import { html, type TemplateResult } from 'lit';
import { MenuController } from '../../controllers/menu-controller.ts';
import { chartTypeAvailability } from '../../core/dashboard/chart-type-availability.ts';
import { findProperty } from '../../core/table/properties.ts';
import type { ChartType, TimeBucket } from '../../core/schema/report-spec.ts';
import { renderChartTypePicker } from './chart-type-picker.ts';
import { renderChips, renderSlots, type ChipView } from './display-slots.ts';
import { measureOf, usesTimeBucket, type Draft, type MeasureOp } from './editor-draft.ts';
import type { EditorParts } from './editor-parts.ts';
import { CHIP_MIME, type Slot } from './editor-types.ts';
import { decodeValue, encodeValue } from './filter-values.ts';

/**
 * The Chart tab: the chart type, the chosen properties as chips, and the Display slots they go into
 * by drag and drop, by picking a chip then a slot, or through a chip's menu.
 */
export class ChartPane {
  readonly #parts: EditorParts;
  /** The chip picked for the keyboard way: pick, then press a slot's "Place" button. */
  #picked: string | null = null;
  /** The chip whose menu ("Use as dimension/breakdown/measure") is open, by property name. */
  readonly #menu: MenuController<string>;
  #dragging: string | null = null;
  #dropTarget: Slot | null = null;

  constructor(parts: EditorParts) {
    this.#parts = parts;
    // The render root does not exist yet: it is read when the menu needs it.
    const root = () => parts.host.renderRoot;
    this.#menu = new MenuController<string>(parts.host, {
      items: () => [...root().querySelectorAll<HTMLElement>('[role="menu"] [role="menuitem"]')],
      button: (name) => root().querySelector<HTMLElement>(`.chip[data-name="${CSS.escape(name)}"] .chip-menu-button`),
      inside: (path) => {
        const menu = root().querySelector('[role="menu"]');
        const button = root().querySelector('.chip-menu-button[aria-expanded="true"]');
        return Boolean((menu && path.includes(menu)) || (button && path.includes(button)));
      },
    });
  }

  #set(change: () => void): void {
    change();
    this.#parts.host.requestUpdate();
  }

  reset(): void {
    this.#set(() => {
      this.#picked = null;
      this.#dragging = null;
      this.#dropTarget = null;
    });
    this.closeMenu(false);
  }

  /** A chip removed from the report is no longer picked. */
  forget(name: string): void {
    if (this.#picked === name) this.#set(() => (this.#picked = null));
  }

  /** Escape anywhere in the editor drops the picked chip. */
  readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.#picked && !event.defaultPrevented) {
      event.preventDefault();
      this.#set(() => (this.#picked = null));
      this.#parts.announce(this.#parts.t('editor.status.unpicked'));
    }
  };

  // ——— Placing ———

  /** Why `name` cannot go into `slot`, or null. */
  readonly #refusal = (name: string, slot: Slot): string | null => {
    const { t, words } = this.#parts;
    const info = findProperty(this.#parts.catalog(), name);
    const property = words.label(name);
    if (!info) return t('editor.error.unknownProperty');
    if (slot === 'measure') return info.measures.length > 0 || info.shareable ? null : t('editor.slot.notMeasurable', { property });
    if (!info.groupable) return t('editor.slot.notGroupable', { property });
    if (slot === 'breakdown' && this.#parts.draft.draft?.dimension === name) return t('editor.slot.sameAsDimension', { property });
    return null;
  };

  #place(name: string, slot: Slot): boolean {
    const { t, words, draft: controller } = this.#parts;
    const draft = controller.draft;
    const info = findProperty(this.#parts.catalog(), name);
    if (!draft || !info) return false;
    const refusal = this.#refusal(name, slot);
    if (refusal) {
      this.#parts.announce(refusal);
      return false;
    }
    const chips = draft.chips.includes(name) ? draft.chips : [...draft.chips, name];
    if (slot === 'measure') {
      // A category (an SLA state, a team) has nothing to average: it is measured as the share of one of its values.
      const op: MeasureOp =
        draft.measureOp !== 'count' && draft.measureOp !== 'share' && info.measures.includes(draft.measureOp)
          ? draft.measureOp
          : info.measures.includes('avg')
            ? 'avg'
            : (info.measures[0] ?? 'share');
      controller.edit({ chips, measureOp: op, measureProperty: name, ...(op === 'share' ? { shareValue: words.shareValues(name)[0] } : {}) });
    } else if (slot === 'dimension') {
      controller.edit({ chips, dimension: name, breakdown: draft.breakdown === name ? undefined : draft.breakdown });
    } else {
      controller.edit({ chips, breakdown: name });
    }
    this.#set(() => (this.#picked = null));
    this.#parts.announce(t('editor.status.placed', { property: words.label(name), slot: t(`editor.slotName.${slot}`) }));
    return true;
  }

  /** Places the chip and moves focus to the slot's control, as a keyboard user would expect. */
  #placeAndFocus(name: string, slot: Slot): void {
    if (this.#place(name, slot)) void this.#parts.focusLater(`.slot[data-slot="${slot}"] .slot-clear, .slot[data-slot="${slot}"] select`);
  }

  readonly #clear = (slot: Slot): void => {
    const { t, draft } = this.#parts;
    if (slot === 'measure') draft.edit({ measureOp: 'count', measureProperty: undefined });
    else draft.edit({ [slot]: undefined });
    this.#parts.announce(t('editor.status.cleared', { slot: t(`editor.slot.${slot}`) }));
    void this.#parts.focusLater(`.slot[data-slot="${slot}"] :is(button, select)`);
  };

  // ——— Picking and the chip menu ———

  readonly #onPick = (name: string): void => {
    const { t, words } = this.#parts;
    if (this.#picked === name) {
      this.#set(() => (this.#picked = null));
      this.#parts.announce(t('editor.status.unpicked'));
      return;
    }
    this.#set(() => (this.#picked = name));
    this.#parts.announce(t('editor.status.picked', { property: words.label(name) }));
  };

  closeMenu(returnFocus: boolean): void {
    this.#menu.close(returnFocus);
  }

  readonly #onUse = (name: string, slot: Slot): void => {
    this.closeMenu(false);
    this.#placeAndFocus(name, slot);
  };

  // ——— Drag and drop ———

  readonly #onDragStart = (event: DragEvent, name: string): void => {
    this.#set(() => (this.#dragging = name));
    this.closeMenu(false);
    if (event.dataTransfer) {
      event.dataTransfer.setData(CHIP_MIME, name);
      event.dataTransfer.setData('text/plain', this.#parts.words.label(name));
      event.dataTransfer.effectAllowed = 'copy';
    }
  };

  readonly #onDragEnd = (): void => {
    this.#set(() => {
      this.#dragging = null;
      this.#dropTarget = null;
    });
  };

  /** The chip being dragged: known while the drag started here, else read from the drag's types. */
  #draggedName(event: DragEvent): string | null {
    if (this.#dragging) return this.#dragging;
    return event.dataTransfer?.types.includes(CHIP_MIME) ? '' : null;
  }

  readonly #onDragOver = (event: DragEvent, slot: Slot): void => {
    const name = this.#draggedName(event);
    if (name === null || (name && this.#refusal(name, slot))) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.#set(() => (this.#dropTarget = slot));
  };

  readonly #onDragLeave = (event: DragEvent, slot: Slot): void => {
    const to = event.relatedTarget as Node | null;
    if (to && (event.currentTarget as HTMLElement).contains(to)) return;
    if (this.#dropTarget === slot) this.#set(() => (this.#dropTarget = null));
  };

  readonly #onDrop = (event: DragEvent, slot: Slot): void => {
    event.preventDefault();
    const name = event.dataTransfer?.getData(CHIP_MIME) || this.#dragging;
    this.#onDragEnd();
    if (name) this.#place(name, slot);
  };

  // ——— Rendering ———

  render(draft: Draft): TemplateResult {
    const { t, words, draft: controller } = this.#parts;
    const catalog = this.#parts.catalog();
    const measure = measureOf(draft);
    const chips: ChipView[] = draft.chips.map((name) => {
      const info = findProperty(catalog, name);
      return { name, label: words.label(name), type: info ? t(`editor.type.${info.type}`) : '' };
    });
    const measureInfo = draft.measureProperty ? findProperty(catalog, draft.measureProperty) : undefined;
    return html`
      ${renderChartTypePicker({
        chartType: draft.chartType,
        availability: chartTypeAvailability({ dimension: draft.dimension, breakdown: draft.breakdown, measure }),
        t,
        error: this.#parts.error('chartType'),
        onChange: (type: ChartType) => controller.edit({ chartType: type }),
      })}
      <section class="configure" aria-labelledby="configure-heading">
        <h3 id="configure-heading">${t('editor.configure')}</h3>
        ${renderChips({
          chips,
          picked: this.#picked,
          menuFor: this.#menu.openKey,
          dragging: this.#dragging,
          t,
          refusal: this.#refusal,
          onPick: this.#onPick,
          onToggleMenu: (name) => this.#menu.toggle(name, true),
          onMenuKeydown: this.#menu.menuKeydown,
          onUse: this.#onUse,
          onDragStart: this.#onDragStart,
          onDragEnd: this.#onDragEnd,
          onGoToData: () => this.#parts.selectTab('data', true),
        })}
        <h4 class="display-heading">${t('editor.display')}</h4>
        ${renderSlots({
          t,
          label: words.label,
          dimension: draft.dimension,
          breakdown: draft.breakdown,
          timeBucket: draft.timeBucket,
          showTimeBucket: usesTimeBucket(draft, catalog),
          measureOp: draft.measureOp,
          measureProperty: draft.measureProperty,
          measureOps: measureInfo?.measures ?? [],
          shareable: Boolean(measureInfo?.shareable),
          shareValue: draft.shareValue === undefined ? undefined : encodeValue(draft.shareValue),
          shareOptions: draft.measureProperty
            ? words.shareValues(draft.measureProperty).map((value) => ({ encoded: encodeValue(value), label: words.valueLabel(draft.measureProperty!, value) }))
            : [],
          onShareValue: (encoded: string) => controller.edit({ shareValue: decodeValue(encoded) as string | number | boolean }),
          picked: this.#picked,
          dropTarget: this.#dropTarget,
          refusal: this.#refusal,
          error: (control) => this.#parts.error(control),
          onPlace: (name, slot) => this.#placeAndFocus(name, slot),
          onClear: this.#clear,
          onTimeBucket: (bucket: TimeBucket) => controller.edit({ timeBucket: bucket }),
          onMeasureOp: (op: MeasureOp) => {
            const values = op === 'share' && draft.measureProperty ? words.shareValues(draft.measureProperty) : [];
            const keep = draft.shareValue !== undefined && values.some((value) => value === draft.shareValue);
            controller.edit({ measureOp: op, ...(op === 'share' && !keep && values.length > 0 ? { shareValue: values[0] } : {}) });
          },
          onDragOver: this.#onDragOver,
          onDragLeave: this.#onDragLeave,
          onDrop: this.#onDrop,
        })}
      </section>
    `;
  }
}
