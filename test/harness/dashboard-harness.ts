// How a test drives <conversation-dashboard> as a user would: find its tiles, wait until they show
// their numbers, drill into a row. A change to the dashboard's DOM is mended here, not in every test.
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../wait-until.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { DrillDialog } from '../../src/elements/drill-dialog/drill-dialog.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';

/** The dashboard's tiles, in the order shown. */
export function tiles(el: ConversationDashboard): ReportTile[] {
  return [...el.shadowRoot!.querySelectorAll<ReportTile>('report-tile')];
}

/**
 * Resolves once the dashboard's data is not loading, it shows tiles and every one shows its result
 * and none is computing; with `orError`, a tile showing its error counts as settled too. Checked
 * again after every pending update has run: a tile may still show what it computed from the previous
 * range's data (or that range's error) when the new data arrives, then compute again.
 * `timeout` raises the hang guard for a large load.
 */
export async function settled(el: ConversationDashboard, options: { orError?: boolean; timeout?: number } = {}): Promise<void> {
  const done = (tile: ReportTile) =>
    (tile.shownResult || (options.orError && tile.shadowRoot!.querySelector('[part="error"]'))) && !tile.shadowRoot!.querySelector('[part="loading"]');
  const all = () => el.data?.state !== 'loading' && tiles(el).length > 0 && tiles(el).every(done);
  do {
    await waitUntil(all, options.orError ? 'every tile settled' : 'every tile has a result', {
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    });
    await el.updateComplete;
    await Promise.all(tiles(el).map((tile) => tile.updateComplete));
  } while (!all());
}

/** The dashboard's drill dialog. */
export function drillDialog(el: ConversationDashboard): DrillDialog {
  return el.shadowRoot!.querySelector<DrillDialog>('drill-dialog')!;
}

/**
 * Drills by keyboard into a row of `tile` shown as a table: focuses the row, presses Enter, and
 * resolves once the dialog is open on its first page.
 */
export async function drill(el: ConversationDashboard, tile: ReportTile, rowIndex = 0): Promise<{ dialog: DrillDialog; row: HTMLTableRowElement }> {
  tile.view = 'table';
  await tile.updateComplete;
  const row = tile.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')[rowIndex]!;
  row.focus();
  await sendKeys({ press: 'Enter' });
  const dialog = drillDialog(el);
  await waitUntil(() => dialog.open, 'the drill dialog opens');
  await waitUntil(() => dialog.page !== null, 'the first drill page is shown');
  return { dialog, row };
}
