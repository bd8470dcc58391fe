import { expect } from '@open-wc/testing';
import { findProperty, propertyCatalog } from '../../core/table/properties.ts';
import { buildSpec, draftFromSpec, newCriterion } from './editor-draft.ts';
import { emptyInput, inputFromValue, parseLocalDate, parseNumber, valueOf, type CriterionInput } from './filter-values.ts';
import { reportSpecSchema } from '../../core/schema/report-spec.ts';

const catalog = propertyCatalog();
const info = (name: string) => findProperty(catalog, name)!;
const zone = 'Europe/Amsterdam';
const input = (fields: Partial<CriterionInput>): CriterionInput => ({ ...emptyInput(), ...fields });
const options = { timeZone: zone, hasList: true };

describe('filter values', () => {
  it('reads numbers as people type them', () => {
    expect(parseNumber(' 2.5 ')).to.equal(2.5);
    expect(parseNumber('2,5')).to.equal(2.5);
    expect(parseNumber('')).to.equal(null);
    expect(parseNumber('five')).to.equal(null);
  });

  it('stores durations in ms, whatever unit they were typed in', () => {
    expect(valueOf(info('responseTime'), 'gt', input({ text: '5', unit: 'minutes' }), options)).to.deep.equal({ value: 300_000, problems: [] });
    expect(valueOf(info('timeToClose'), 'between', input({ min: '1.5', max: '2', unit: 'hours' }), options).value).to.deep.equal([5_400_000, 7_200_000]);
    expect(inputFromValue(info('responseTime'), 'gt', 7_200_000, zone)).to.deep.include({ text: '2', unit: 'hours' });
    expect(inputFromValue(info('responseTime'), 'lt', 90_000, zone)).to.deep.include({ text: '90', unit: 'seconds' });
    expect(inputFromValue(info('timeToClose'), 'between', [0, 3 * 86_400_000], zone)).to.deep.include({ min: '0', max: '3', unit: 'days' });
  });

  it('reads dates in the report’s zone; a date range covers both whole days', () => {
    const from = parseLocalDate('2026-03-29', zone)!;
    expect(from).to.equal(Date.UTC(2026, 2, 28, 23));
    const { value } = valueOf(info('createdAt'), 'between', input({ min: '2026-03-29', max: '2026-03-29' }), options);
    // The day the clocks go forward is 23 hours long.
    expect(value).to.deep.equal([from, from + 23 * 3_600_000 - 1]);
    expect(inputFromValue(info('createdAt'), 'between', value, zone)).to.deep.include({ min: '2026-03-29', max: '2026-03-29' });
    expect(valueOf(info('closedAt'), 'lt', input({ text: '2026-11-02T09:30' }), options).value).to.equal(Date.UTC(2026, 10, 2, 8, 30));
    expect(parseLocalDate('2026-02-31', zone)).to.equal(null);
  });

  it('names what is missing or wrong', () => {
    const problems = (name: string, operator: Parameters<typeof valueOf>[1], fields: Partial<CriterionInput>) =>
      valueOf(info(name), operator, input(fields), options).problems;
    expect(problems('responseTime', 'gt', {})).to.deep.equal([{ field: 'value', code: 'number' }]);
    expect(problems('responseTime', 'between', { min: '3', max: '1' })).to.deep.equal([{ field: 'max', code: 'between' }]);
    expect(problems('createdAt', 'between', { min: '2026-03-02', max: '2026-03-01' })).to.deep.equal([{ field: 'max', code: 'dateRange' }]);
    expect(problems('channel', 'is', {})).to.deep.equal([{ field: 'value', code: 'pickOne' }]);
    expect(problems('channel', 'in', {})).to.deep.equal([{ field: 'value', code: 'pickSome' }]);
    expect(problems('subject', 'contains', { text: '  ' })).to.deep.equal([{ field: 'value', code: 'text' }]);
    expect(problems('pageUrl', 'in', { text: 'https://a.example/\n\nhttps://b.example/' })).to.deep.equal([]);
    expect(problems('ticketId', 'known', {})).to.deep.equal([]);
  });

  it('keeps a filter it cannot show exactly as the spec had it until its value is edited', () => {
    const spec = reportSpecSchema.parse({
      id: 'r',
      title: 'R',
      chartType: 'bar',
      measure: { op: 'count' },
      filters: [{ property: 'responseTime', operator: 'gt', value: 61_234 }],
    });
    const draft = draftFromSpec(spec, catalog, zone);
    const build = (criteria = draft.criteria) => buildSpec(draft, criteria, catalog, { timeZone: zone, hasList: () => true });
    expect(build().spec).to.deep.equal(spec);
    expect(build().problems).to.deep.equal([]);
    // A blank criterion (AND pressed, nothing picked) is ignored.
    expect(build([...draft.criteria, newCriterion()]).spec.filters).to.have.length(1);
  });
});
