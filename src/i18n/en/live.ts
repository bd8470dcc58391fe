/** Messages of the v2 screens: the live wall display (refresh, "updated … ago"), the heatmap, business hours. */
export const live = {
  'live.updated': 'Updated {time}',
  'live.updatedJustNow': 'Updated just now',
  'live.refresh': 'Refresh',
  'live.refreshing': 'Updating…',
  'live.refreshFailed': 'The last update failed ({message}); showing the previous data.',
  'live.retryIn': 'Trying again {time}.',
  'live.status': 'Data freshness',
  'tile.gridHint': 'Use the arrow keys to move between cells; press Enter to see the conversations behind one.',
  'editor.slot.shareValue': 'where it is',
  'tile.businessHours': 'in business hours, {schedule}',
  'tile.businessHoursByInbox': '({count, plural, one {# inbox has} other {# inboxes have}} hours of its own)',
  'tile.slaTarget.firstResponseSla': 'SLA: first response within {time}',
  'tile.slaTarget.closeSla': 'SLA: closed within {time}',
};
