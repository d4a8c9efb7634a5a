import { type CheckDeadlines, runChecksWithin } from '../../checks/check-deadlines.js';
import { runCheck } from '../../checks/run-check.js';
import type { Verdict } from '../../checks/verdict.js';
import type { CheckUse } from '../../scenarios/scenario.js';
import type { Lang } from '../i18n.js';
import type { ProgressListener } from '../progress.js';
import type { AssembledEvidence } from './assemble-evidence.js';

/**
 * Runs the scenario's checks on assembled evidence, each within its deadline, and closes the databases they
 * opened whatever happens. The one check phase of a run and of a regrade.
 */
export async function judgeEvidence(checks: readonly CheckUse[], evidence: AssembledEvidence, deadlines: CheckDeadlines, lang: Lang, progress: ProgressListener): Promise<Verdict[]> {
  try {
    return await runChecksWithin(checks, deadlines, (use) => runCheck(use, evidence, lang), (verdict) => progress({ type: 'verdict', verdict }));
  } finally {
    await evidence.databases.closeAll();
  }
}
