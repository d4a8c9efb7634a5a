import type { Localized, MessageParams } from '../../runner/i18n.js';
import type { CheckMeta, CheckOutcome } from '../check.js';
import { languageProblem, localizedLanguageProblems } from './natural-language.js';

/** The `{name}` placeholders of a template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)[}|]/g)].map((match) => match[1]!))];
}

/**
 * What is wrong with a check's message templates themselves: an empty side, a placeholder only one language
 * has (the other language would lose that fact), or a side in the other language.
 */
export function templateProblems(messages: Readonly<Record<string, Localized>>): string[] {
  const problems: string[] = [];
  for (const [key, template] of Object.entries(messages)) {
    if (!template.fr?.trim()) problems.push(`messages.${key}.fr is empty`);
    if (!template.en?.trim()) problems.push(`messages.${key}.en is empty`);
    const fr = placeholdersOf(template.fr ?? '');
    const en = placeholdersOf(template.en ?? '');
    const onlyFr = fr.filter((name) => !en.includes(name));
    const onlyEn = en.filter((name) => !fr.includes(name));
    if (onlyFr.length) problems.push(`messages.${key}: {${onlyFr.join('}, {')}} only in fr`);
    if (onlyEn.length) problems.push(`messages.${key}: {${onlyEn.join('}, {')}} only in en`);
    for (const problem of localizedLanguageProblems(template)) problems.push(`messages.${key}: ${problem}`);
  }
  return problems;
}

/**
 * What is wrong with one outcome's message, before it is rendered: the key must exist, every placeholder
 * must be filled, every parameter must be used, and no parameter may carry words (see natural-language.ts).
 */
export function outcomeProblems(meta: Pick<CheckMeta, 'messages'>, outcome: Pick<CheckOutcome, 'message' | 'params'>): string[] {
  const template = Object.hasOwn(meta.messages, outcome.message) ? meta.messages[outcome.message] : undefined;
  if (!template) return [`unknown message key "${outcome.message}" (keys: ${Object.keys(meta.messages).join(', ')})`];
  const params: MessageParams = outcome.params ?? {};
  const used = new Set([...placeholdersOf(template.fr), ...placeholdersOf(template.en)]);
  const problems: string[] = [];
  for (const name of used) {
    if (params[name] === undefined || params[name] === null) problems.push(`messages.${outcome.message}: placeholder {${name}} left unfilled (no parameter "${name}")`);
  }
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!used.has(name)) problems.push(`messages.${outcome.message}: parameter "${name}" is never used by the template`);
    const language = languageProblem(name, value);
    if (language) problems.push(`messages.${outcome.message}: ${language}`);
  }
  return problems;
}
