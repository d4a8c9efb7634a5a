import type { Scenario } from '../../scenarios/scenario.js';
import { repoFiles } from '../plan/repo-files.js';
import type { OwnTestsRecord } from './own-tests-record.js';
import { createOwnTestsFolder, type OwnTestsOptions, runOwnTests } from './run-own-tests.js';

/** The check that reads the team's tests; the phase runs only for a scenario that has it (tests cost time). */
export const OWN_TESTS_CHECK = 'tests/candidate-tests';

/** Whether the scenario judges the team's tests; if so, their trace folder is made now, before the sandbox starts. */
export function ownTestsWanted(scenario: Scenario, hostTraceDir: string): boolean {
  const wanted = scenario.checks.some((check) => check.use === OWN_TESTS_CHECK);
  if (wanted) createOwnTestsFolder(hostTraceDir);
  return wanted;
}

/** The phase as `runSubmission` calls it: the repository as the steps left it, read through the planning reader. */
export function runOwnTestsPhase(options: Omit<OwnTestsOptions, 'repo'>): Promise<OwnTestsRecord> {
  return runOwnTests({ ...options, repo: repoFiles(options.hostWorkspaceDir) });
}
