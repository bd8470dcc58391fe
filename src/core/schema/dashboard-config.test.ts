import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DashboardConfigError,
  formatPath,
  parseDashboardConfig,
  parseDeclarativeDashboardConfig,
  parseJsonText,
  parseTileConfig,
} from './dashboard-config.ts';

function problem(run: () => unknown): { path: string; paths: string[]; message: string } {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DashboardConfigError, String(error));
    assert.equal(error.name, 'DashboardConfigError');
    return { path: error.path, paths: error.issues.map((issue) => issue.path), message: error.message };
  }
  assert.fail('expected a DashboardConfigError');
}

const dashboard = { id: 'd', name: 'D', privacy: 'everyone', reports: [{ id: 'r', title: 'R', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' } }] };

describe('dashboard config schema', () => {
  test('accepts what save() writes, filling report defaults; a dashboard without owner belongs to nobody', () => {
    const config = parseDashboardConfig({ version: 1, dashboards: [dashboard], dashboardId: 'd', range: 'last-7-days', compare: true, locale: 'nl-BE', timeZone: 'Europe/Brussels' });
    assert.equal(config.dashboards[0]!.ownerId, '');
    assert.deepEqual(config.dashboards[0]!.reports[0]!.filters, []);
    assert.equal(config.dashboards[0]!.reports[0]!.dateProperty, 'createdAt');
    assert.deepEqual(parseDashboardConfig({}), { dashboards: [] });
    for (const range of ['this-quarter', '2026-01-01/2026-02-01', '2026-01-01T00:00:00+01:00/2026-01-02T00:00:00+01:00', { from: 0, to: 1 }])
      assert.deepEqual(parseDashboardConfig({ range }).range, range);
  });

  test('names the field of every problem, with its path', () => {
    const bad = problem(() =>
      parseDashboardConfig({ dashboards: [dashboard, { ...dashboard, reports: [{ ...dashboard.reports[0], chartType: 'bubble' }] }], compare: 'yes' }),
    );
    assert.deepEqual(bad.paths.sort(), ['compare', 'dashboards[1].reports[0].chartType']);
    assert.match(bad.message, /^Invalid dashboard config: /);
    // Two dashboards with one id (checked once each dashboard is valid).
    assert.match(problem(() => parseDashboardConfig({ dashboards: [dashboard, dashboard] })).message, /dashboards\[1\]\.id repeats the id "d"/);
    assert.match(problem(() => parseDashboardConfig({ range: 'last-3-days' })).message, /range must be a preset \(today, yesterday/);
    assert.match(problem(() => parseDashboardConfig({ range: { from: 5, to: 5 } })).message, /range must end after it starts/);
    assert.match(problem(() => parseDashboardConfig({ timeZone: 'Mars/Olympus' })).message, /timeZone must be an IANA time zone/);
    assert.match(problem(() => parseDashboardConfig({ locale: 'english please' })).message, /locale must be a BCP 47 language tag/);
    assert.match(problem(() => parseDashboardConfig({ version: 2 })).message, /version must be 1/);
    assert.equal(problem(() => parseDashboardConfig({ ranges: 'today' })).path, 'ranges');
    assert.equal(problem(() => parseDashboardConfig([])).path, '');
  });

  test('declarative config: sources, store and user are checked too', () => {
    const config = parseDeclarativeDashboardConfig({
      source: { type: 'rest', url: '/api/conversations', paging: { type: 'offset', pageSize: 200 }, mapping: { createdAt: 'created_at', assigneeId: 'agent.id' }, lookups: '/api/names' },
      store: { type: 'local' },
      user: { id: 'u1' },
    });
    assert.deepEqual(config.user, { id: 'u1', teamIds: [], canEdit: false });
    assert.match(problem(() => parseDeclarativeDashboardConfig({ source: { type: 'ftp' } })).message, /source\.type must be one of "rest", "csv", "hubspot", "sample", "server", got "ftp"/);
    assert.equal(problem(() => parseDeclarativeDashboardConfig({ source: { type: 'csv' } })).path, 'source.url');
    assert.equal(problem(() => parseDeclarativeDashboardConfig({ source: { type: 'rest', url: '/x', mapping: { assignee: 'a' } } })).path, 'source.mapping.assignee');
    assert.equal(problem(() => parseDeclarativeDashboardConfig({ source: { type: 'sample', size: 0 } })).path, 'source.size');
    assert.equal(problem(() => parseDeclarativeDashboardConfig({ user: { id: 'u', canEdit: 'yes' } })).path, 'user.canEdit');
  });

  test('a tile takes a bare spec or { spec, source, range }', () => {
    const spec = dashboard.reports[0];
    assert.equal(parseTileConfig(spec).spec.id, 'r');
    assert.equal(parseTileConfig({ spec, source: { type: 'sample' }, range: 'today' }).source!.type, 'sample');
    // A standalone tile computes in the browser: the server half is for dashboards.
    assert.equal(problem(() => parseTileConfig({ spec, source: { type: 'server', url: '/api/reports' } })).path, 'source.type');
    assert.equal(parseDeclarativeDashboardConfig({ source: { type: 'server', url: '/api/reports' } }).source!.type, 'server');
    assert.equal(problem(() => parseTileConfig({ ...spec, measure: { op: 'avg' } })).path, 'measure.property');
    assert.equal(problem(() => parseTileConfig({ spec: { ...spec, chartType: 'radar' } })).path, 'spec.chartType');
  });

  test('bad JSON is a config error too; paths read like code', () => {
    assert.match(problem(() => parseJsonText('{ "range": ')).message, /is not valid JSON/);
    assert.equal(formatPath(['dashboards', 0, 'reports', 12, 'measure', 'op']), 'dashboards[0].reports[12].measure.op');
    assert.equal(formatPath([]), '');
  });
});
