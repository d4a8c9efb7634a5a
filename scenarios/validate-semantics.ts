import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { closestMatch } from '../runner/closest-match.js';
import { packagePath } from '../runner/paths.js';
import { checkLoaders, knownCheckIds, loadCheck } from '../checks/registry.js';
import { validateCheckOptions } from '../checks/validate-options.js';
import type { Scenario } from './scenario.js';
import { criterionRefProblem } from './criteria.js';

/**
 * What JSON Schema cannot say: ids unique, checks known (with the closest id suggested), each check's
 * options valid against that check's own schema, datasets present. Returns problems as `path: message`.
 */
export async function validateScenarioSemantics(scenario: Scenario, baseDir: string): Promise<string[]> {
  const problems: string[] = [];
  problems.push(...duplicates(scenario.steps.map((s) => s.id), 'steps'));
  problems.push(...duplicates(scenario.services.map((s) => s.id), 'services'));
  problems.push(...duplicates(scenario.checks.map((c) => c.id ?? c.use), 'checks', 'give each use of the same check its own "id"'));

  for (const [index, use] of scenario.checks.entries()) {
    const path = `checks[${index}]`;
    const unknown = unknownCheck(use.use, index);
    if (unknown) {
      problems.push(unknown);
      continue;
    }
    const check = await loadCheck(use.use);
    if (!check) continue;
    use.with = use.with ?? {};
    problems.push(...validateCheckOptions(check, use.with, `${path}.with`));
  }

  problems.push(...criteriaProblems(scenario));

  for (const [index, dataset] of scenario.datasets.entries()) {
    if (!existsSync(resolveDatasetPath(dataset.path, baseDir))) {
      problems.push(`datasets[${index}].path: "${dataset.path}" not found in the scenario's folder nor in the bundled datasets`);
    }
  }
  return problems;
}

/**
 * Unknown check ids, read from content that may not match the schema: the loader also asks when the shape
 * is wrong, so a scenario with a typo in a check id and a schema error shows both at once.
 */
export function unknownChecks(content: unknown): string[] {
  const checks = (content as { checks?: unknown } | null)?.checks;
  if (!Array.isArray(checks)) return [];
  return checks.flatMap((use, index) => {
    const id = (use as { use?: unknown } | null)?.use;
    return typeof id === 'string' ? (unknownCheck(id, index) ?? []) : [];
  });
}

function unknownCheck(id: string, index: number): string | undefined {
  if (Object.hasOwn(checkLoaders, id)) return undefined;
  const suggestion = closestMatch(id, knownCheckIds());
  return `checks[${index}].use: unknown check "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}

/** Criterion refs of checks and manual items that name no criterion of their framework (scenarios/criteria.json). */
function criteriaProblems(scenario: Scenario): string[] {
  const refs = [
    ...scenario.checks.flatMap((use, i) => (use.criteria ?? []).map((ref, j) => ({ path: `checks[${i}].criteria[${j}]`, ref }))),
    ...(scenario.manual ?? []).flatMap((item, i) => item.criteria.map((ref, j) => ({ path: `manual[${i}].criteria[${j}]`, ref }))),
  ];
  return refs.flatMap(({ path, ref }) => {
    const problem = criterionRefProblem(ref);
    return problem ? [`${path}: ${problem}`] : [];
  });
}

/** Dataset paths resolve against the scenario's folder first, then the bundled `datasets/` folder. */
export function resolveDatasetPath(path: string, baseDir: string): string {
  if (isAbsolute(path)) return path;
  const local = resolve(baseDir, path);
  return existsSync(local) ? local : packagePath('datasets', path);
}

function duplicates(ids: string[], where: string, hint?: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) problems.push(`${where}[${index}]: duplicate id "${id}"${hint ? ` (${hint})` : ''}`);
    seen.add(id);
  });
  return problems;
}
