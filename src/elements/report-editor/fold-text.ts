/** Case- and accent-insensitive form of a text for searching, so "reponse" finds "Réponse". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
