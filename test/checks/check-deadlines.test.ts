import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_DEADLINES, runChecksWithin } from '../../checks/check-deadlines.js';
import type { Verdict } from '../../checks/verdict.js';
import type { CheckUse } from '../../scenarios/scenario.js';
import { resolveGraderLimits } from '../../runner/settings.js';

/**
 * A check that never settles stands for one waiting on a database that stopped answering: the phase must
 * still end. No timing is asserted — a promise that never resolves expires whatever the machine's load.
 */
const never = () => new Promise<Verdict>(() => {});
const passing = (use: CheckUse): Promise<Verdict> =>
  Promise.resolve({ id: use.use, checkId: use.use, title: { fr: use.use, en: use.use }, status: 'pass', score: 1, weight: 1, required: true, message: { fr: 'ok', en: 'ok' }, messageKey: 'pass', evidence: [], criteria: [], durationMs: 1 });

describe('the grader’s own deadlines: per check and for the whole check phase', () => {
  it('a check that never ends gets an error verdict saying so; the next check still runs', async () => {
    const uses: CheckUse[] = [{ use: 'db/reachable', weight: 3 }, { use: 'repo/files-present' }];
    const seen: string[] = [];
    const verdicts = await runChecksWithin(uses, { perCheckMs: 50, phaseMs: 60_000 }, (use) => (use.use === 'db/reachable' ? never() : passing(use)), (v) => seen.push(v.id));
    expect(seen).toEqual(['db/reachable', 'repo/files-present']);
    expect(verdicts[0]).toMatchObject({
      id: 'db/reachable',
      status: 'error',
      score: 0,
      weight: 3,
      messageKey: 'timeout',
      title: { en: 'Database installed, reachable and listing its tables' },
      evidence: [{ kind: 'step', subject: 'MSPR_CHECK_TIMEOUT', data: { limit: 'per check', limitSec: 0 } }],
    });
    expect(verdicts[0]!.message.en).toMatch(/^The check did not finish within its time limit \(0 s\): it was stopped without a verdict\. .*MSPR_CHECK_TIMEOUT_SEC/);
    expect(verdicts[0]!.message.fr).toMatch(/^La vérification n’a pas abouti dans le temps imparti/);
    expect(verdicts[1]!.status).toBe('pass');
  });

  it('past the phase deadline, the running check expires and the rest are not started', async () => {
    const uses: CheckUse[] = [{ use: 'repo/files-present' }, { use: 'ml/train-ratio', id: 'ratio' }, { use: 'steps/succeeded' }];
    const verdicts = await runChecksWithin(uses, { perCheckMs: 60_000, phaseMs: 50 }, (use) => (use.use === 'repo/files-present' ? passing(use) : never()));
    expect(verdicts.map((v) => [v.id, v.status, v.messageKey])).toEqual([
      ['repo/files-present', 'pass', 'pass'],
      ['ratio', 'error', 'timeout'],
      ['steps/succeeded', 'error', 'timeout'],
    ]);
    expect(verdicts[1]!.message.en).toMatch(/^The check did not finish: the checks together went past their 0 s limit\./);
    expect(verdicts[2]!.message.en).toMatch(/^Check not run: the checks together went past their 0 s limit\./);
  });

  it('deadlines are settings with defaults (60 s per check, 10 min in all)', () => {
    expect(DEFAULT_CHECK_DEADLINES).toEqual({ perCheckMs: 60_000, phaseMs: 600_000 });
    expect(resolveGraderLimits({}).checks).toEqual(DEFAULT_CHECK_DEADLINES);
    expect(resolveGraderLimits({ MSPR_CHECK_TIMEOUT_SEC: '5', MSPR_CHECKS_TIMEOUT_SEC: 'soon' }).checks).toEqual({ perCheckMs: 5_000, phaseMs: 600_000 });
  });
});
