/** Strings of `<csv-import>`. Field names come from `property.*`. */
export const csvImport = {
  'csvImport.title': 'Charger votre fichier CSV',
  'csvImport.choose': 'Fichier CSV',
  'csvImport.chooseHint': 'Un export de vos conversations, une par ligne, avec une ligne d’en-tête.',
  'csvImport.reading': 'Lecture de {file}…',
  'csvImport.summary':
    '{file}\u00a0: {rows, plural, one {# ligne} other {# lignes}}, {columns, plural, one {# colonne} other {# colonnes}}.',
  'csvImport.mapping': 'Colonnes',
  'csvImport.mappingHint': 'Chaque champ est associé à une colonne d’après son en-tête. Corrigez celles qui sont erronées.',
  'csvImport.zoneHint': 'Les heures sans fuseau («\u00a02026-03-01 14:22\u00a0») sont lues dans le fuseau {zone}\u00a0; celles qui en ont un («\u00a0…Z\u00a0», «\u00a0…+01:00\u00a0») le gardent.',
  'csvImport.badTime': 'n’est pas une date et heure\u00a0: écrivez «\u00a02026-03-01 14:22\u00a0» (lu dans le fuseau {zone}), avec un fuseau («\u00a02026-03-01T14:22Z\u00a0») ou en millisecondes epoch',
  'csvImport.notInFile': '— absent du fichier —',
  'csvImport.required': 'obligatoire',
  'csvImport.idHint': 'Sans ce champ, les lignes sont numérotées dans l’ordre du fichier.',
  'csvImport.missing': 'Choisissez une colonne pour\u00a0: {fields}.',
  'csvImport.extra': 'Les autres colonnes deviennent des propriétés personnalisées\u00a0: {columns}.',
  'csvImport.problems':
    '{count, plural, one {# problème} other {# problèmes}}\u00a0: les lignes concernées sont ignorées, les autres sont chargées.',
  'csvImport.problem': 'Ligne {line}\u00a0: {field} {message}',
  'csvImport.problemRow': 'Ligne {line}\u00a0: {message}',
  'csvImport.moreProblems': '…et {count, plural, one {# autre} other {# autres}}.',
  'csvImport.load': 'Charger',
  'csvImport.loaded': '{rows, plural, one {# ligne chargée} other {# lignes chargées}}.',
  'csvImport.empty': 'Le fichier ne contient aucune ligne sous son en-tête.',
  'csvImport.error': 'Impossible de lire le fichier\u00a0: {message}',
};
