import { expect } from '@open-wc/testing';
import type { ReportResult } from '../../core/types.ts';
import { describe, it } from '../test-support.ts';
import { XSS_LABEL, dailyVolume, responseTimeByAssignee, specFor, volumeByAssignee, volumeByAssigneeAndChannel } from '../test-fixtures.ts';
import { buildTableModel } from './table-model.ts';

const fmt = { locale: 'en-US', timeZone: 'UTC', valueKind: 'count' as const };

describe('buildTableModel', () => {
  it('has a label and a value column for a count', () => {
    const model = buildTableModel(volumeByAssignee, specFor('table'), fmt);
    expect(model.columns.map((column) => column.id)).to.deep.equal(['label', 'value']);
    expect(model.columns[1]!.numeric).to.equal(true);
    expect(model.rows).to.deep.equal([
      { key: 'a1', series: undefined, cells: ['Alice', '12'] },
      { key: 'a2', series: undefined, cells: ['Bob', '7'] },
      { key: null, series: undefined, cells: ['Unassigned', '3'] },
    ]);
  });

  it('adds the conversation count to any other measure and formats durations', () => {
    const spec = specFor('table', { measure: { op: 'avg', property: 'responseTime' } });
    const model = buildTableModel(responseTimeByAssignee, spec, { ...fmt, valueKind: 'duration' });
    expect(model.columns.map((column) => column.id)).to.deep.equal(['label', 'value', 'count']);
    expect(model.rows.map((row) => row.cells)).to.deep.equal([
      ['Alice', '2 h 5 min', '10'],
      ['Bob', '45 s', '6'],
      ['Carol', '—', '2'],
    ]);
  });

  it('gives a breakdown its own column, one row per key and series', () => {
    const model = buildTableModel(volumeByAssigneeAndChannel, specFor('table', { breakdown: 'channel' }), fmt);
    expect(model.columns.map((column) => column.id)).to.deep.equal(['label', 'series', 'value']);
    expect(model.rows[1]).to.deep.equal({ key: 'a1', series: 'email', cells: ['Alice', 'Email', '4'] });
  });

  it('shows the previous period and the change when compared', () => {
    const result: ReportResult = {
      ...volumeByAssignee,
      rows: [
        { key: 'a1', label: 'Alice', value: 12, count: 12, previous: { value: 10, count: 10 } },
        { key: 'a2', label: 'Bob', value: 7, count: 7, previous: { value: 0, count: 0 } },
      ],
    };
    const model = buildTableModel(result, specFor('table'), fmt);
    expect(model.columns.map((column) => column.id)).to.deep.equal(['label', 'value', 'previous', 'change']);
    expect(model.rows.map((row) => row.cells)).to.deep.equal([
      ['Alice', '12', '10', '+20%'],
      ['Bob', '7', '0', '—'],
    ]);
  });

  it('labels date buckets and takes translated headings', () => {
    const spec = specFor('table', { dimension: 'createdAt', timeBucket: 'month' });
    const model = buildTableModel(dailyVolume(1, Date.UTC(2026, 2, 1)), spec, {
      ...fmt,
      labels: { label: 'Mois', value: 'Conversations' },
    });
    expect(model.columns.map((column) => column.label)).to.deep.equal(['Mois', 'Conversations']);
    expect(model.rows[0]!.cells[0]).to.equal('Mar 2026');
  });

  it('keeps labels as plain text for the renderer to escape', () => {
    const result = { ...volumeByAssignee, rows: [{ key: 'x', label: XSS_LABEL, value: 1, count: 1 }] };
    expect(buildTableModel(result, specFor('table'), fmt).rows[0]!.cells[0]).to.equal(XSS_LABEL);
  });
});
