export * from './timestamp.ts';
export * from './conversation.ts';
export * from './report-spec.ts';
export * from './dashboard.ts';
