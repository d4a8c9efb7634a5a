/**
 * commander writes its own words (section titles, `(default: …)`, parse errors) in English; these are their
 * French forms. Its errors are rewritten by pattern from the message it builds (commander 14,
 * node_modules/commander/lib/command.js): the names it quotes pass through unchanged.
 */
export const TITLES_FR: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
  'Global Options:': 'Options globales :',
};

export const EXTRA_FR: Array<[RegExp, string]> = [
  [/\bchoices: /g, 'valeurs : '],
  [/\bdefault: /g, 'par défaut : '],
  [/\benv: /g, 'variable : '],
  [/\bpreset: /g, 'sans valeur : '],
];

const ERRORS_FR: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^error: unknown option '([^']*)'/, (flag) => `erreur : option inconnue « ${flag} »`],
  [/^error: unknown command '([^']*)'/, (name) => `erreur : commande inconnue « ${name} »`],
  [/^error: missing required argument '([^']*)'/, (name) => `erreur : argument obligatoire manquant « ${name} »`],
  [/^error: option '([^']*)' argument missing/, (flags) => `erreur : l’option « ${flags} » attend une valeur`],
  [/^error: required option '([^']*)' not specified/, (flags) => `erreur : l’option obligatoire « ${flags} » est absente`],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, (flags, value) => `erreur : valeur « ${value} » invalide pour l’option « ${flags} ».`],
  [/^error: option '([^']*)' value '([^']*)' from env '([^']*)' is invalid\./, (flags, value, env) => `erreur : valeur « ${value} » de la variable ${env} invalide pour l’option « ${flags} ».`],
  [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\./, (value, name) => `erreur : valeur « ${value} » invalide pour l’argument « ${name} ».`],
  [/^error: too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./, (name, expected, got) => `erreur : trop d’arguments pour « ${name} » : ${expected} attendu${Number(expected) > 1 ? 's' : ''}, ${got} donné${Number(got) > 1 ? 's' : ''}.`],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, (expected, got) => `erreur : trop d’arguments : ${expected} attendu${Number(expected) > 1 ? 's' : ''}, ${got} donné${Number(got) > 1 ? 's' : ''}.`],
  [/^error: (.*) cannot be used with (.*)$/m, (a, b) => `erreur : ${a} ne peut pas être utilisée avec ${b}`],
  [/Allowed choices are (.*)\./, (list) => `Valeurs possibles : ${list}.`],
  [/\(Did you mean one of (.*)\?\)/, (list) => `(Vouliez-vous dire l’une de « ${list} »\u202f?)`],
  [/\(Did you mean (.*)\?\)/, (name) => `(Vouliez-vous dire « ${name} »\u202f?)`],
  [/^error: /, () => 'erreur : '],
];

/** commander's error message in French; the parts it does not know stay as they are. */
export function commanderErrorFr(message: string): string {
  let text = message;
  for (const [pattern, render] of ERRORS_FR) text = text.replace(pattern, (_whole, ...groups: string[]) => render(...groups));
  return text;
}
