/** Messages of the v2 screens: the live wall display (refresh, "updated … ago"), the heatmap, business hours. */
export const live = {
  'live.updated': 'Mis à jour {time}',
  'live.updatedJustNow': 'Mis à jour à l’instant',
  'live.refresh': 'Actualiser',
  'live.refreshing': 'Mise à jour…',
  'live.refreshFailed': 'La dernière mise à jour a échoué ({message}) ; les données précédentes restent affichées.',
  'live.retryIn': 'Nouvel essai {time}.',
  'live.status': 'Fraîcheur des données',
  'tile.gridHint': 'Utilisez les flèches pour passer d’une case à l’autre ; appuyez sur Entrée pour voir ses conversations.',
  'editor.slot.shareValue': 'lorsque la valeur est',
  'tile.businessHours': 'en heures ouvrées, {schedule}',
  'tile.businessHoursByInbox': '({count, plural, one {# boîte a ses propres horaires} other {# boîtes ont leurs propres horaires}})',
  'tile.slaTarget.firstResponseSla': 'SLA : première réponse sous {time}',
  'tile.slaTarget.closeSla': 'SLA : clôture sous {time}',
};
