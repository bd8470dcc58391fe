/** Messages of the v2 screens: the live wall display (refresh, "updated … ago"), the heatmap, business hours. */
export const live = {
  'live.updated': '{time} bijgewerkt',
  'live.updatedJustNow': 'Zojuist bijgewerkt',
  'live.refresh': 'Vernieuwen',
  'live.refreshing': 'Bijwerken…',
  'live.refreshFailed': 'De laatste update is mislukt ({message}); de vorige gegevens blijven zichtbaar.',
  'live.retryIn': 'Nieuwe poging {time}.',
  'live.status': 'Actualiteit van de gegevens',
  'tile.gridHint': 'Gebruik de pijltjestoetsen om tussen cellen te gaan; druk op Enter om de gesprekken achter een cel te zien.',
  'editor.slot.shareValue': 'waar de waarde is',
  'tile.businessHours': 'binnen kantooruren, {schedule}',
  'tile.businessHoursByInbox': '({count, plural, one {# inbox heeft} other {# inboxen hebben}} eigen uren)',
  'tile.slaTarget.firstResponseSla': 'SLA: eerste reactie binnen {time}',
  'tile.slaTarget.closeSla': 'SLA: gesloten binnen {time}',
};
