import type { Localized, MessageParam } from '../../runner/i18n.js';

/**
 * Words that only a sentence holds: grammar words and the nouns checks kept putting in parameters
 * ("100 rows per call", "column absent"). A parameter carries names, numbers and code; words belong in the
 * message templates, where they exist in French and in English. The lists are small on purpose: they catch
 * prose, not every noun, and never a name written as code (`prix_unitaire`, `etl.py:12`, `fit/predict`).
 */
const ENGLISH = new Set(
  `the and or not no of on in at to for from with without by per is are was were be been has have had it its this that these those
  but if than then after before only also each every all any some none into instead row rows column columns line lines cell cells
  value values missing dropped call calls file files table tables found expected left absent empty binary text package packages
  times between over under same other more less least most chars characters measured computed plotted read written loaded
  failed skipped lost sent kept about when where which while because unknown title titles label labels never saved
  shown run chart charts applied fitted numbers stored`.split(/\s+/),
);

const FRENCH = new Set(
  `le la les un une des du de et ou ni pas ne sur dans par pour avec sans est sont au aux ce cet cette ces que qui après avant
  seulement aussi chaque tout tous toute toutes aucun aucune ligne lignes colonne colonnes cellule cellules valeur valeurs
  manquant manquante manquants manquantes supprimé supprimée supprimés supprimées fichier fichiers table tables vide binaire texte
  paquet paquets entre plus moins même autre autres appel appels fois caractères absent absente attendu attendue trouvé trouvée
  mesuré mesurée calculé calculée tracé lu lue lus écrit chargé chargée échoué perdu perdues envoyées gardé inconnu inconnue quand
  où alors car mais si puis titre titres moyenne médiane appliqué entraîné stockées stockés jamais`.split(/\s+/),
);

/** Elided French articles and pronouns: `d'imputer`, `l'entraînement`, `qu'une`. */
const FRENCH_ELISION = /^(d|l|qu|n|s|j|c)['’]\p{L}/iu;

/** Quoted text is the candidate's own (a column header, a value) or code: shown verbatim, never judged. */
const QUOTED = /"[^"]*"|«[^»]*»|“[^”]*”|`[^`]*`/g;

/** The prose-looking tokens of a value: letters only, not ALL CAPS (SQL keywords, RMSE), quotes left out. */
function proseTokens(value: string): string[] {
  return value
    .replace(QUOTED, ' ')
    .split(/\s+/)
    .map((chunk) => chunk.replace(/\((e?s)\)$/u, '').replace(/^[([{¿¡,;:!?.…—–-]+|[)\]},;:!?.…—–-]+$/gu, ''))
    .filter((token) => /^\p{L}+(['’]\p{L}+)?$/u.test(token) && !/^\p{Lu}{2,}$/u.test(token));
}

function englishWords(text: string): string[] {
  return proseTokens(text).filter((token) => ENGLISH.has(token.toLowerCase()) && !FRENCH.has(token.toLowerCase()));
}

function frenchWords(text: string): string[] {
  return proseTokens(text).filter((token) => FRENCH_ELISION.test(token) || (FRENCH.has(token.toLowerCase()) && !ENGLISH.has(token.toLowerCase())));
}

function anyWords(text: string): string[] {
  return proseTokens(text).filter((token) => FRENCH_ELISION.test(token) || ENGLISH.has(token.toLowerCase()) || FRENCH.has(token.toLowerCase()));
}

/**
 * Why a message parameter holds language-specific text, or `undefined` when it does not. A plain value must
 * hold no word of either list; a {@link Localized} value must be French on its `fr` side and English on its
 * `en` side (no English word in French, no French word in English).
 */
export function languageProblem(name: string, value: MessageParam): string | undefined {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return undefined;
  if (typeof value === 'string') {
    const words = anyWords(value);
    return words.length === 0
      ? undefined
      : `parameter {${name}} = ${JSON.stringify(value)} holds words (${unique(words).join(', ')}): words belong in the templates (fr and en); a parameter carries names, numbers and code — or pass a Localized { fr, en } pair`;
  }
  const inFrench = englishWords(value.fr);
  const inEnglish = frenchWords(value.en);
  const problems = [
    inFrench.length ? `its fr side ${JSON.stringify(value.fr)} holds English words (${unique(inFrench).join(', ')})` : '',
    inEnglish.length ? `its en side ${JSON.stringify(value.en)} holds French words (${unique(inEnglish).join(', ')})` : '',
  ].filter(Boolean);
  return problems.length ? `parameter {${name}}: ${problems.join('; ')}` : undefined;
}

/** A message template whose sides are in the wrong language (placeholders are names, not words). */
export function localizedLanguageProblems(text: Localized): string[] {
  const inFrench = englishWords(text.fr.replace(/\{\w+\}/g, ' '));
  const inEnglish = frenchWords(text.en.replace(/\{\w+\}/g, ' '));
  return [
    ...(inFrench.length ? [`fr holds English words (${unique(inFrench).join(', ')})`] : []),
    ...(inEnglish.length ? [`en holds French words (${unique(inEnglish).join(', ')})`] : []),
  ];
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}
