// How a test drives <csv-import> as a user would.
import { waitUntil } from '../wait-until.ts';
import type { CsvImport } from '../../src/elements/csv-import/csv-import.ts';

/** Chooses a file through the real input, and resolves once it is read: mapped, or refused with an error. */
export async function chooseFile(el: CsvImport, text: string, name = 'export.csv'): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => el.source || el.shadowRoot!.querySelector('[part="error"]'), 'the file is read');
  await el.updateComplete;
}
