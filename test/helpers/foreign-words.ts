/**
 * A small list-based detector of the other language in terminal output: French output must hold no common English
 * word, English output no common French word. What is not prose is left out before looking: quoted text (the
 * candidate's own, or code), `backticks`, paths and file names, URLs, identifiers (snake_case, kebab-case,
 * camelCase, dotted, with digits), ALL-CAPS words (SQL, codes), option flags, and a Python exception quoted in a
 * message (`FileNotFoundError: …`) and the candidate's output lines the progress echoes (`  … <line>`): the candidate's words. The lists are the words that gave English away in French
 * runs (issue 13), not a dictionary.
 */
const ENGLISH = new Set(
  `the and or not no of on in at to for from with without by is are was were be been has have had it its this that these those
  but if than then after before only also each every all any some none into instead row rows column columns line lines value values
  missing dropped found expected run runs step steps check checks error errors passed failed failure warning warnings skipped
  file files left empty package packages between same other more less measured computed plotted read written loaded
  lost sent kept when where which while because unknown never saved shown chart charts applied fitted stored
  usage options commands arguments default choices help display output version show print list grade folder repository
  missing reachable unreachable database table tables query queries score submission sandbox reports report plan discovered
  examples example exit code codes could judged install installed already image not-installable call calls first
  setup environment problem problems assumption assumptions quiet progress results pass warn skip`.split(/\s+/),
);

/** Words both languages write the same way: never evidence of either. */
const SHARED = new Set(`table tables options arguments code codes image images version plan score notebook pipeline test type types index format formats source sources commit docker local auto sqlite`.split(/\s+/));

const FRENCH = new Set(
  `le la les un une des du de et ou ni pas ne sur dans par pour avec sans est sont au aux ce cet cette ces que qui après avant
  seulement aussi chaque tout tous toute toutes aucun aucune ligne lignes colonne colonnes valeur valeurs manquantes
  fichier fichiers vide paquet paquets entre plus moins même autre autres appel appels attendu trouvé réussi réussis échec échecs
  avertissement erreur erreurs étape étapes vérification vérifications dépôt base joignable injoignable lu lus mesurées
  exemples exemple utilisation commandes afficher aide défaut valeurs soumission rapports hypothèses environnement`.split(/\s+/),
);

const NOT_PROSE: RegExp[] = [
  /"[^"\n]*"|«[^»\n]*»|“[^”\n]*”|`[^`\n]*`|'[^'\s][^'\n]*'/g, // quoted
  /\b[A-Z]\w*(Error|Exception|Warning)\b:?[^()\n]*/g, // a Python exception and its message
  /\{[^{}\n]*\}/g, // {placeholders} of a message template
  /\bhttps?:\/\/\S+/g,
  /(^|[\s(])--?[\w-]+(=\S+)?/g, // flags, also in parentheses: `(--sandbox docker)`
  /<[^>\n]*>|\[[\w|.-]+\]/g, // <placeholders>, [options]
  /\S*[/\\]\S*/g, // paths
  /\S*\[\]\S*/g, // mappings[].columns
  /\S+\.\w{1,5}\b\S*/g, // file names, dotted names, decimals
  /\$\w+/g,
];

function proseTokens(text: string): string[] {
  let prose = text;
  for (const pattern of NOT_PROSE) prose = prose.replace(pattern, ' ');
  return prose
    .split(/[\s,;:!?()[\]{}…—–·✔✘⚠➜»▶=/]+/u)
    .map((token) => token.replace(/^[.'’-]+|[.'’-]+$/gu, ''))
    .filter((token) => /^\p{L}+(['’]\p{L}+)?$/u.test(token)) // identifiers (a_b, a-b, aB1) drop out here
    .filter((token) => !/^\p{Lu}{2,}$/u.test(token) && !/\p{Ll}\p{Lu}/u.test(token));
}

/** The lines mspr-lab wrote, without the candidate's output it echoes as progress. */
function ourLines(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('… ')) // the candidate's output, echoed
    .filter((line) => !/\bmspr-lab\s/.test(line)) // a command line, or a usage line: code
    // A doctor fix (`correctif : sudo apt-get install -y git`) is a shell command, the same in both languages: code.
    // A shell comment after it (`# or …`) is prose and stays checked.
    .map((line) => line.replace(/^(\s*(?:correctif|fix)\s?:\s)[^#\n]*/u, '$1'))
    .map((line) => line.replace(/^\s+\S+(?: [[<][^\s\]>]*[\]>])*(?=\s{2,})/, '')); // the term column of a help list
}

/** Each English word in text meant to be French, with its line, e.g. `failed (✘ failed (2.1 s))`. */
export function englishWordsIn(text: string): string[] {
  return ourLines(text).flatMap((line) =>
    proseTokens(line)
      .filter((token) => ENGLISH.has(token.toLowerCase()) && !SHARED.has(token.toLowerCase()) && !FRENCH.has(token.toLowerCase()))
      .map((token) => `${token} (${line.trim().slice(0, 120)})`),
  );
}

/** Each French word in text meant to be English (accented words and elisions count too). */
export function frenchWordsIn(text: string): string[] {
  return ourLines(text).flatMap((line) =>
    proseTokens(line)
      .filter((token) => {
        const word = token.toLowerCase();
        if (SHARED.has(word) || ENGLISH.has(word)) return false;
        return FRENCH.has(word) || /^(d|l|qu|n|s)['’]/u.test(word) || /[éèêàùçœ]/u.test(word);
      })
      .map((token) => `${token} (${line.trim().slice(0, 120)})`),
  );
}
