/** Report results shared by the chart tests. */
import type { ChartType, ReportSpec } from '../core/schema/report-spec.ts';
import type { ReportResult } from '../core/types.ts';
import type { ChartOptionSettings } from './options/chart-option.ts';

export const XSS_LABEL = '<img src=x onerror=alert(1)>';

export function specFor(chartType: ChartType, extra: Partial<ReportSpec> = {}): ReportSpec {
  return {
    id: 'chat-volume',
    title: 'Chat volume by assignee',
    chartType,
    dimension: 'assigneeId',
    measure: { op: 'count' },
    filters: [],
    dateProperty: 'createdAt',
    ...extra,
  };
}

export const volumeByAssignee: ReportResult = {
  reportId: 'chat-volume',
  rows: [
    { key: 'a1', label: 'Alice', value: 12, count: 12 },
    { key: 'a2', label: 'Bob', value: 7, count: 7 },
    { key: null, label: 'Unassigned', value: 3, count: 3 },
  ],
  total: { value: 22, count: 22 },
  matched: 22,
};

/** Bob has no email conversations: the email series must still hold a (zero) value for him. */
export const volumeByAssigneeAndChannel: ReportResult = {
  reportId: 'chat-volume',
  rows: [
    { key: 'a1', label: 'Alice', series: 'chat', seriesLabel: 'Chat', value: 8, count: 8 },
    { key: 'a1', label: 'Alice', series: 'email', seriesLabel: 'Email', value: 4, count: 4 },
    { key: 'a2', label: 'Bob', series: 'chat', seriesLabel: 'Chat', value: 7, count: 7 },
    { key: null, label: 'Unassigned', series: 'email', seriesLabel: 'Email', value: 3, count: 3 },
  ],
  total: { value: 22, count: 22 },
  matched: 22,
};

const MIN = 60_000;
const HOUR = 60 * MIN;

export const responseTimeByAssignee: ReportResult = {
  reportId: 'response-time',
  rows: [
    { key: 'a1', label: 'Alice', value: 2 * HOUR + 5 * MIN, count: 10 },
    { key: 'a2', label: 'Bob', value: 45_000, count: 6 },
    { key: 'a3', label: 'Carol', value: null, count: 2 },
  ],
  total: { value: 80 * MIN, count: 18 },
  matched: 18,
};

export function dailyVolume(days: number, start = Date.UTC(2026, 0, 1)): ReportResult {
  const rows = Array.from({ length: days }, (_, index) => {
    const key = start + index * 86_400_000;
    const value = (index * 7919) % 50;
    return { key, label: new Date(key).toISOString(), value, count: value };
  });
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  return { reportId: 'daily', rows, total: { value: total, count: total }, matched: total };
}

export const settings: ChartOptionSettings = {
  locale: 'en-US',
  timeZone: 'UTC',
  valueKind: 'count',
  palette: ['#2f7fd8', '#c2620a', '#23955a'],
  textColor: '#222222',
  axisColor: '#888888',
  gridColor: '#dddddd',
  reducedMotion: false,
};

/** Two agents over `count` series named "Inbox n of the support team": a legend too long for one line of most charts. */
export function volumeByAssigneeAndInbox(count: number, name = (index: number) => `Inbox ${index} of the support team`): ReportResult {
  const rows = ['a1', 'a2'].flatMap((key, agent) =>
    Array.from({ length: count }, (_, index) => ({ key, label: `Agent ${agent + 1}`, series: `i${index}`, seriesLabel: name(index), value: 1 + index, count: 1 + index })),
  );
  return { reportId: 'chat-volume', rows, total: { value: 0, count: 0 }, matched: 0 };
}
