export * from './timestamp.ts';
export * from './conversation.ts';
export * from './report-spec.ts';
export * from './dashboard.ts';
export * from './time-zone.ts';
export * from './business-hours.ts';
export * from './report-context.ts';
export * from './drill-page.ts';
