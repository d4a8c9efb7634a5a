import { describe, expect, it } from 'vitest';
import { loadCheck, knownCheckIds } from '../../../checks/registry.js';
import { evaluateCheck } from '../../../checks/tester.js';
import type { Verdict } from '../../../checks/verdict.js';
import type { StepFailure } from '../../../runner/failure/step-failure.js';
import type { StepRecord } from '../../../runner/steps/step-record.js';

/** Evidence kinds the run produces (a step that stopped early leaves them missing: runner/failure/blocked-verdict.ts). */
const RUN_EVIDENCE = ['trace', 'db', 'http'];

/** One step of the team's ETL that stopped at its first import, for the reason `failure` gives. */
function crashedAtImport(failure: StepFailure): StepRecord {
  return { id: 'etl', kind: 'command', entry: 'src/etl/pipeline.py', optional: false, status: 'failed', failure };
}

const ENVIRONMENT: StepFailure = {
  owner: 'environment',
  cause: 'missing-package',
  module: 'missingno',
  package: 'missingno',
  declaredIn: 'requirements.txt',
  exception: "ModuleNotFoundError: No module named 'missingno'",
  message: { fr: 'Le code importe `missingno`, déclaré dans requirements.txt, non installé ici.', en: 'The code imports `missingno`, declared in requirements.txt, not installed here.' },
  hint: { fr: 'Donnez un index de paquets (--pip-index).', en: 'Give a package index (--pip-index).' },
};

const CANDIDATE: StepFailure = {
  owner: 'candidate',
  cause: 'own-module',
  module: 'etl',
  exception: "ModuleNotFoundError: No module named 'etl'",
  message: { fr: 'Le code importe `etl`, un module du dépôt introuvable depuis le dossier de l’étape.', en: 'The code imports `etl`, a module of the repository not found from the step’s folder.' },
  hint: { fr: 'Lancez le script depuis la racine ou ajoutez src/ au chemin.', en: 'Run the script from the root or add src/ to the path.' },
};

async function verdictOf(id: string, steps: StepRecord[] = []): Promise<{ verdict: Verdict; runEvidence: boolean }> {
  const check = (await loadCheck(id))!;
  const verdict = await evaluateCheck(check, { evidence: { steps } });
  return { verdict, runEvidence: check.meta.evidence.some((kind) => RUN_EVIDENCE.includes(kind)) };
}

/** Checks whose evidence the scenario may not ask for, and what they say on empty evidence. */
const NOT_ASKED: Record<string, string> = { 'ml/metrics-reported': 'skip noFile', 'http/prediction-route': 'skip notAsked' };

const describeVerdict = (v: Verdict) => `${v.status} ${v.messageKey}: ${v.message.en}`;

/**
 * Issue 10 §4: a check that compared nothing is never `pass`. Every registered check runs on empty evidence (no
 * file, no step, no trace, no database, no dataset) with its default options; none may pass, whatever it says.
 */
describe('no pass without evidence: every registered check on empty evidence', () => {
  for (const id of knownCheckIds()) {
    it(id, async () => {
      const { verdict } = await verdictOf(id);
      expect(verdict.status, describeVerdict(verdict)).not.toBe('pass');
    });
  }

  // The same situation gets the same status in every family: nothing was traced is `fail` (the criterion was not
  // shown) for every data, database, chart and ML check alike, with the same message. The one exception is evidence
  // the scenario did not ask for: no metrics file declared and no metrics.json is `skip`, traced or not.
  it('nothing traced: every trace-based check fails with noTrace', async () => {
    const traceBased = [];
    for (const id of knownCheckIds()) {
      const check = (await loadCheck(id))!;
      if (check.meta.evidence.includes('trace')) traceBased.push(id);
    }
    expect(traceBased.length).toBeGreaterThan(20);
    const seen = Object.fromEntries(await Promise.all(traceBased.map(async (id) => [id, (await verdictOf(id)).verdict] as const)));
    expect(Object.fromEntries(Object.entries(seen).map(([id, v]) => [id, `${v.status} ${v.messageKey}`]))).toEqual(Object.fromEntries(traceBased.map((id) => [id, NOT_ASKED[id] ?? 'fail noTrace'])));
  });
});

/**
 * "No trace is fail" must not contradict "a check that could not look says error": when the evidence was never
 * produced because a step stopped for the environment (a declared package not installable here), every check
 * reading the run's evidence is `error` with `blockedBy` (checks/run-check.ts); when the team's own code stopped
 * (its own module not importable), nothing is blocked and the missing evidence stays the team's `fail`.
 */
describe('a step crashed at import: environment → error, the team’s code → fail', () => {
  for (const id of knownCheckIds()) {
    it(`${id}, environment`, async () => {
      const { verdict, runEvidence } = await verdictOf(id, [crashedAtImport(ENVIRONMENT)]);
      expect(verdict.status, describeVerdict(verdict)).not.toBe('pass');
      if (!runEvidence) return;
      // A skip (evidence the scenario did not ask for) stands: there was nothing to look at, blocked or not.
      const alone = (await verdictOf(id)).verdict;
      if (alone.status === 'skip') return expect(`${verdict.status} ${verdict.messageKey}`).toBe(`skip ${alone.messageKey}`);
      expect(verdict.status, describeVerdict(verdict)).toBe('error');
      expect(verdict.blockedBy, describeVerdict(verdict)).toEqual({ owner: 'environment', causes: ['missing-package'], steps: ['etl'] });
      expect(verdict.message.en).toContain('missingno');
    });
    it(`${id}, the team’s code`, async () => {
      const { verdict, runEvidence } = await verdictOf(id, [crashedAtImport(CANDIDATE)]);
      expect(verdict.status, describeVerdict(verdict)).not.toBe('pass');
      expect(verdict.blockedBy, describeVerdict(verdict)).toBeUndefined();
      if (!runEvidence) return;
      // What the check says is what it says when nothing ran: the crash is the team's, the evidence is simply absent.
      const alone = (await verdictOf(id)).verdict;
      expect(`${verdict.status} ${verdict.messageKey}`, describeVerdict(verdict)).toBe(`${alone.status} ${alone.messageKey}`);
    });
  }
});
