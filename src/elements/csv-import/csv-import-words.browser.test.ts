import { expect, fixture, html } from '@open-wc/testing';
import './csv-import.ts';
import type { CsvImport } from './csv-import.ts';
import { chooseFile as choose } from '../../../test/harness/csv-import-harness.ts';
import { suggestCsvMapping } from '../../adapters/csv/csv-mapping.ts';

const root = (el: CsvImport) => el.shadowRoot!;

describe('csv-import in the user’s words', () => {
  it('matches common header names to fields', () => {
    const mapping = suggestCsvMapping(['Ticket', 'Channel', 'Status', 'Inbox', 'Assigned agent', 'Creation date', 'First response', 'Closed at']);
    expect(mapping.assigneeId).to.equal('Assigned agent');
    expect(mapping.createdAt).to.equal('Creation date');
    expect(mapping.firstResponseAt).to.equal('First response');
    expect(mapping.closedAt).to.equal('Closed at');
    for (const [header, field] of [['Agent', 'assigneeId'], ['Owner', 'assigneeId'], ['Created', 'createdAt'], ['Conversation owner', 'assigneeId']] as const)
      expect(suggestCsvMapping([header])[field], header).to.equal(header);
  });

  it('names fields by their labels in problems, and says zone-less times are read in the chosen zone', async () => {
    const el = await fixture<CsvImport>(html`<csv-import locale="en" time-zone="Europe/Amsterdam"></csv-import>`);
    await choose(
      el,
      [
        'id,channel,status,inbox,assigned agent,created,first response,closed at',
        'c-1,chat,closed,support,a1,2026-03-02 10:00,2026-03-02 09:00,2026-03-02 11:00',
        'c-2,chat,closed,support,a1,yesterday,,',
      ].join('\n'),
    );
    const problems = root(el).querySelector('[part="problems"]')!.textContent!;
    expect(problems).to.contain('Line 2: First response is earlier than created');
    expect(problems).not.to.contain('createdAt');
    expect(problems).to.contain('Line 3: Created is not a date and time: write it as “2026-03-01 14:22” (read in Europe/Amsterdam)');
    expect(problems).not.to.contain('with a zone (Z or');
    expect(root(el).querySelector('#zone-hint')!.textContent).to.contain('are read in Europe/Amsterdam');
  });
});
