import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import './conversation-dashboard.ts';
import type { ConversationDashboard } from './conversation-dashboard.ts';
import { ArrayDataSource } from '../../adapters/array-data-source.ts';
import { MemoryDashboardStore } from '../../store/memory-dashboard-store.ts';
import { ReportEditEvent } from '../../events/report-edit-event.ts';
import type { ReportEditor } from '../report-editor/report-editor.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';

const END = Date.UTC(2026, 10, 20, 12);
const sample = generateConversations({ n: 300, seed: 3, end: END, days: 30 });
const user = { id: 'olivia', teamIds: ['support'], canEdit: true };

describe('<conversation-dashboard> editor dialog layout', function () {
  this.timeout(30_000);

  it('keeps its size between Chart and Data, shows the whole property list, and keeps Save off the edge', async () => {
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .store=${new MemoryDashboardStore([])} .user=${user}
        .dataSource=${new ArrayDataSource(sample.conversations, { lookups: sample.lookups })}></conversation-dashboard>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('report-tile'), 'tiles');
    const tile = el.shadowRoot!.querySelector('report-tile')!;
    tile.dispatchEvent(new ReportEditEvent(tile.spec!));
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLDialogElement>('.editor-dialog')?.open, 'the editor opens', { timeout: 10_000 });
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('.editor-dialog')!;
    const editor = dialog.querySelector<ReportEditor>('report-editor') ?? el.shadowRoot!.querySelector<ReportEditor>('report-editor')!;
    await editor.updateComplete;
    const root = editor.shadowRoot!;
    const chartHeight = dialog.getBoundingClientRect().height;
    root.querySelector<HTMLButtonElement>('#tab-data')!.click();
    await editor.updateComplete;
    expect(dialog.getBoundingClientRect().height, 'no jump on Data').to.equal(chartHeight);

    const save = root.querySelector<HTMLElement>('.save')!.getBoundingClientRect();
    const box = dialog.getBoundingClientRect();
    expect(box.right - save.right, 'Save is not against the edge').to.be.at.least(8);
    expect(save.top - box.top, 'nor the top').to.be.at.least(8);

    root.querySelector<HTMLButtonElement>('.add-property')!.click();
    await waitUntil(() => root.querySelector('.search-list'), 'the property list opens');
    const list = root.querySelector<HTMLElement>('.search-list')!;
    list.scrollIntoView({ block: 'end' });
    const listBox = list.getBoundingClientRect();
    const dialogBox = dialog.getBoundingClientRect();
    expect(listBox.height).to.be.greaterThan(40);
    expect(listBox.bottom, 'the list is not clipped at the dialog’s bottom').to.be.at.most(dialogBox.bottom + 0.5);
    expect(editor.getBoundingClientRect().bottom, 'the list is inside the editor, which scrolls in the dialog').to.be.at.least(listBox.bottom - 0.5);
  });
});
