/** Readable names for data values the core labels in English. */
export const values = {
  'value.null.assigneeId': 'Niet toegewezen',
  'value.null.chatflowId': 'Geen chatflow',
  'value.null.pageUrl': 'Onbekende pagina',
  'value.null.ticketId': 'Geen ticket',
  'value.null.other': 'Onbekend',
  'value.other': 'Overige',
  'value.all': 'Alle gesprekken',
  'value.true': 'Ja',
  'value.false': 'Nee',
  'value.channel.chat': 'Chat',
  'value.channel.email': 'E-mail',
  'value.status.open': 'Open',
  'value.status.closed': 'Gesloten',
};
