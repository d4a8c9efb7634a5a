import { knownCheckIds, loadCheck } from '../../checks/registry.js';
import { frameworkCriteria } from '../../scenarios/criteria.js';
import type { Scenario } from '../../scenarios/scenario.js';
import { closestMatch } from '../closest-match.js';
import { MsprError } from '../errors.js';
import { t } from '../i18n.js';
import { frameworkCoverage, type CheckCriteria, type FrameworkCoverage } from './coverage-matrix.js';

/**
 * The coverage matrix of every framework (or of the one named), from the registry's checks and the bundled
 * scenarios. An unknown framework is a usage error naming the known ones.
 */
export async function loadCoverage(framework?: string): Promise<FrameworkCoverage[]> {
  const frameworks = frameworkCriteria();
  const ids = Object.keys(frameworks);
  if (framework !== undefined && !ids.includes(framework)) {
    const suggestion = closestMatch(framework, ids);
    throw new MsprError('MSPR_USAGE', t(`Référentiel inconnu : ${framework}.`, `Unknown framework: ${framework}.`), {
      details: [`frameworks: ${ids.join(', ')}`],
      hint: suggestion ? t(`Vouliez-vous dire ${suggestion} ?`, `Did you mean ${suggestion}?`) : t(`Donnez l'un de : ${ids.join(', ')}.`, `Give one of: ${ids.join(', ')}.`),
    });
  }
  const checks: CheckCriteria[] = [];
  for (const id of knownCheckIds()) checks.push({ id, criteria: (await loadCheck(id))!.meta.criteria });
  const { listLibraryScenarioFiles, loadScenario } = await import('../../scenarios/load-scenario.js');
  const scenarios: Scenario[] = [];
  for (const file of listLibraryScenarioFiles()) scenarios.push((await loadScenario(file)).scenario);
  return (framework ? [framework] : ids).map((id) => frameworkCoverage(id, frameworks[id]!, checks, scenarios));
}
