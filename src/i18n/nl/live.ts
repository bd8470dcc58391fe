/** Messages of the live wall display: refresh, "updated … ago", kiosk. */
export const live = {
  'live.updated': '{time} bijgewerkt',
  'live.updatedJustNow': 'Zojuist bijgewerkt',
  'live.refresh': 'Vernieuwen',
  'live.refreshing': 'Bijwerken…',
  'live.refreshFailed': 'De laatste update is mislukt ({message}); de vorige gegevens blijven zichtbaar.',
  'live.retryIn': 'Nieuwe poging {time}.',
  'live.status': 'Actualiteit van de gegevens',
};
