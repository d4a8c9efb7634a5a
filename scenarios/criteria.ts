import { readFileSync } from 'node:fs';
import { closestMatch } from '../runner/closest-match.js';
import { packagePath } from '../runner/paths.js';

/** One competency of a framework, as its text states it. */
export interface Criterion {
  /** The framework's own code: `C1.9`, `A1.1 C5`, `A2C8`, `C1`. */
  code: string;
  /** The first words of its wording (French). */
  label: string;
}

interface CriteriaFile {
  frameworks: Record<string, { seed: string; criteria: Criterion[] }>;
}

let loaded: CriteriaFile | undefined;

/**
 * The criteria of the five frameworks, from `scenarios/criteria.json` (derived from the framework texts by
 * `scripts/derive-criteria.mjs`): what a criterion ref (`framework:code`) may name.
 */
export function frameworkCriteria(): Readonly<Record<string, readonly Criterion[]>> {
  loaded ??= JSON.parse(readFileSync(packagePath('scenarios/criteria.json'), 'utf8')) as CriteriaFile;
  return Object.fromEntries(Object.entries(loaded.frameworks).map(([id, framework]) => [id, framework.criteria]));
}

/** Every known ref, `cdp-data-ia:C1.9` style. */
export function knownCriterionRefs(): string[] {
  return Object.entries(frameworkCriteria()).flatMap(([framework, criteria]) => criteria.map((c) => `${framework}:${c.code}`));
}

/**
 * Why a criterion ref names nothing, or `undefined` when it names a criterion of its framework. The reason
 * is English text for a scenario's problem list, with the closest known ref when there is one.
 */
export function criterionRefProblem(ref: string): string | undefined {
  const frameworks = frameworkCriteria();
  const colon = ref.indexOf(':');
  const framework = colon > 0 ? ref.slice(0, colon) : '';
  const code = ref.slice(colon + 1);
  if (!Object.hasOwn(frameworks, framework)) return `unknown criterion "${ref}": write framework:code with a framework among ${Object.keys(frameworks).join(', ')}`;
  if (frameworks[framework]!.some((c) => c.code === code)) return undefined;
  const suggestion = closestMatch(ref, knownCriterionRefs().filter((known) => known.startsWith(`${framework}:`)));
  return `unknown criterion "${ref}": ${framework} has no ${JSON.stringify(code)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}
