import { expect } from '@open-wc/testing';
import type { ReportTile } from './report-tile.ts';
import type { ReportSpecInput } from '../../core/schema/report-spec.ts';
import type { ReportResult } from '../../core/types.ts';
import { showTile, volumeResult, volumeSpec } from '../../../test/harness/tile-harness.ts';

const result = volumeResult([['chloe', 'Chloé Durand', 42], [null, 'Unassigned', 3]]);

function tile(fields: Partial<ReportSpecInput>, res: ReportResult = result, locale = 'en'): Promise<ReportTile> {
  return showTile(volumeSpec(fields), res, { locale });
}

/** Runs the tile's Export CSV menu item and returns the downloaded file's bytes. */
async function exported(el: ReportTile): Promise<Uint8Array> {
  const blobs: Blob[] = [];
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    blobs.push(blob as Blob);
    return 'blob:captured';
  };
  HTMLAnchorElement.prototype.click = function () {};
  try {
    el.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="export-csv"]')!.click();
  } finally {
    URL.createObjectURL = create;
    HTMLAnchorElement.prototype.click = click;
  }
  expect(blobs).to.have.length(1);
  return new Uint8Array(await blobs[0]!.arrayBuffer());
}

describe('<report-tile> Export CSV', () => {
  it('writes labels in the header and a count report’s number once', async () => {
    const lines = (await tile({})).toCsv().split('\r\n');
    expect(lines[0]).to.equal('Assignee,Conversations');
    expect(lines[1]).to.equal('Chloé Durand,42');
  });

  it('labels the header in the reader’s language', async () => {
    const lines = (await tile({}, result, 'fr')).toCsv().split('\r\n');
    expect(lines[0]).to.equal('Responsable,Conversations');
  });

  it('writes durations readably, and in milliseconds beside them, with the number of conversations', async () => {
    const durations: ReportResult = { ...result, rows: [{ key: 'chloe', label: 'Chloé Durand', value: 751_148.8378378379, count: 37 }] };
    const lines = (await tile({ measure: { op: 'avg', property: 'responseTime' } }, durations)).toCsv().split('\r\n');
    expect(lines[0]).to.equal('Assignee,Average response time,Average response time (ms),Conversations');
    expect(lines[1]).to.equal('Chloé Durand,12 min 31 s,751148.8378378379,37');
  });

  it('names the breakdown column after its property', async () => {
    const rows: ReportResult = { ...result, rows: [{ key: 'chloe', series: 'chat', label: 'Chloé Durand', seriesLabel: 'Chat', value: 4, count: 4 } as ReportResult['rows'][number]] };
    const lines = (await tile({ breakdown: 'channel' }, rows)).toCsv().split('\r\n');
    expect(lines[0]).to.equal('Assignee,Channel,Conversations');
  });

  it('starts the file with a UTF-8 byte-order mark, so Excel reads "Chloé"', async () => {
    const bytes = await exported(await tile({}));
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).to.contain('Chloé Durand');
  });
});
