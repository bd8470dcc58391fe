/** Messages of the live wall display: refresh, "updated … ago", kiosk. */
export const live = {
  'live.updated': 'Updated {time}',
  'live.updatedJustNow': 'Updated just now',
  'live.refresh': 'Refresh',
  'live.refreshing': 'Updating…',
  'live.refreshFailed': 'The last update failed ({message}); showing the previous data.',
  'live.retryIn': 'Trying again {time}.',
  'live.status': 'Data freshness',
};
