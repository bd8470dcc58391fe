/** Readable names for data values the core labels in English: null groups, Other, booleans, channels, statuses. */
export const values = {
  'value.null.assigneeId': 'Unassigned',
  'value.null.chatflowId': 'No chatflow',
  'value.null.pageUrl': 'Unknown page',
  'value.null.ticketId': 'No ticket',
  'value.null.other': 'Unknown',
  'value.other': 'Other',
  'value.all': 'All conversations',
  'value.true': 'Yes',
  'value.false': 'No',
  'value.channel.chat': 'Chat',
  'value.channel.email': 'Email',
  'value.status.open': 'Open',
  'value.status.closed': 'Closed',
};
