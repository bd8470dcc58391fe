/** Strings shared by several elements. Keys are stable: fr and nl catalogs mirror them. */
export const common = {
  'common.close': 'Close',
  'common.retry': 'Retry',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.loading': 'Loading…',
  'common.exportCsv': 'Export CSV',
  'common.unassigned': 'Unassigned',
  'common.unknown': 'Unknown',
  'common.other': 'Other',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.conversations': '{count, plural, one {# conversation} other {# conversations}}',
  'common.error': 'Something went wrong: {message}',
};
