/** Messages of the live wall display: refresh, "updated … ago", kiosk. */
export const live = {
  'live.updated': 'Mis à jour {time}',
  'live.updatedJustNow': 'Mis à jour à l’instant',
  'live.refresh': 'Actualiser',
  'live.refreshing': 'Mise à jour…',
  'live.refreshFailed': 'La dernière mise à jour a échoué ({message}) ; les données précédentes restent affichées.',
  'live.retryIn': 'Nouvel essai {time}.',
  'live.status': 'Fraîcheur des données',
};
