/** Readable names for data values the core labels in English. */
export const values = {
  'value.null.assigneeId': 'Non attribué',
  'value.null.chatflowId': 'Aucun chatflow',
  'value.null.pageUrl': 'Page inconnue',
  'value.null.ticketId': 'Aucun ticket',
  'value.null.other': 'Inconnu',
  'value.other': 'Autres',
  'value.all': 'Toutes les conversations',
  'value.true': 'Oui',
  'value.false': 'Non',
  'value.channel.chat': 'Chat',
  'value.channel.email': 'E-mail',
  'value.status.open': 'Ouverte',
  'value.status.closed': 'Fermée',
};
