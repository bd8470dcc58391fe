import type { ReactiveController, ReactiveElement } from 'lit';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import { ReportMoveEvent } from '../events/report-move-event.ts';

export interface ReorderOptions {
  /** The reports in their order on screen (undefined: no dashboard open). */
  reports(): readonly ReportSpec[] | undefined;
  dashboardId(): string | undefined;
  /** Saves `reportId` moved by `by` places (from wherever it is in the version being saved). */
  move(reportId: string, by: number): Promise<unknown>;
  /** The move was saved: say so (to screen readers). `position` counts from 1. */
  moved(report: ReportSpec, position: number): void;
  /** The tile showing `reportId`, whose Actions button gets the focus back after a move. */
  tile(reportId: string): { focusActions(): void } | undefined;
}

const REPORT_ID_TYPE = 'application/x-report-id';

/**
 * Reordering the reports of a dashboard: Move up / Move down from a tile's Actions menu (the
 * keyboard's way) and drag and drop. A tile's `report-move` is a request that stops here; the host
 * element fires its own cancelable `report-move` (with the place `to`) before anything is saved,
 * and a `preventDefault()` on it keeps the order.
 */
export class ReorderController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: ReorderOptions;
  #dragged: string | null = null;

  constructor(host: ReactiveElement, options: ReorderOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#dragged = null;
  }

  /** A tile's Move up / Move down. */
  request(event: ReportMoveEvent): void {
    // The tile's request stops here; moveTo asks the host with the element's own event.
    event.stopPropagation();
    if (event.defaultPrevented) return;
    const index = this.#indexOf(event.detail.reportId);
    if (index >= 0) void this.moveTo(event.detail.reportId, index + (event.detail.direction === 'up' ? -1 : 1));
  }

  dragStart(event: DragEvent, reportId: string): void {
    this.#dragged = reportId;
    event.dataTransfer?.setData(REPORT_ID_TYPE, reportId);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  /** Lets a tile be a drop target. */
  dragOver(event: DragEvent): void {
    event.preventDefault();
  }

  /** A tile dropped on the tile of `targetId`: it takes that place. */
  drop(event: DragEvent, targetId: string): void {
    event.preventDefault();
    const dragged = this.#dragged ?? event.dataTransfer?.getData(REPORT_ID_TYPE) ?? null;
    this.#dragged = null;
    if (!dragged || dragged === targetId) return;
    const index = this.#indexOf(targetId);
    if (index >= 0) void this.moveTo(dragged, index);
  }

  /** Moves report `reportId` to `index` (clamped) once the host allowed it, saves, and says so. */
  async moveTo(reportId: string, index: number): Promise<void> {
    const reports = this.#options.reports();
    const dashboardId = this.#options.dashboardId();
    if (!reports || dashboardId === undefined) return;
    const from = reports.findIndex((r) => r.id === reportId);
    if (from < 0) return;
    const to = Math.max(0, Math.min(reports.length - 1, index));
    if (to === from) return;
    const moved = reports[from]!;
    if (!this.#host.dispatchEvent(new ReportMoveEvent(reportId, to < from ? 'up' : 'down', { dashboardId, to }))) return;
    await this.#options.move(reportId, to - from);
    this.#options.moved(moved, to + 1);
    // Keep the keyboard where the user was: on the moved tile's Actions button.
    await this.#host.updateComplete;
    this.#options.tile(reportId)?.focusActions();
  }

  #indexOf(reportId: string): number {
    return this.#options.reports()?.findIndex((r) => r.id === reportId) ?? -1;
  }
}
