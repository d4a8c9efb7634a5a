import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../checks/verdict.js';
import { summarize } from '../../reports/summarize.js';

const verdict = (id: string, status: Verdict['status'], blocked = false): Verdict => ({
  id, checkId: id, title: { fr: id, en: id }, status, score: status === 'pass' ? 1 : 0, weight: 1, required: true,
  message: { fr: '', en: '' }, messageKey: status, evidence: [], criteria: [], durationMs: 0,
  ...(blocked ? { blockedBy: { owner: 'environment' as const, causes: ['missing-package'], steps: ['pipeline:main.py'] } } : {}),
});

/** The run's status (hence the exit code) when some checks could not be judged because of the environment. */
describe('exit codes with environment failures', () => {
  it('only environment errors besides passes: error (exit 2), nothing failed and nothing could be shown to pass', () => {
    const summary = summarize([verdict('repo/files-present', 'pass'), verdict('steps/succeeded', 'error', true), verdict('ml/grid-search', 'error', true)], []);
    expect(summary).toMatchObject({ status: 'error', notJudged: ['steps/succeeded', 'ml/grid-search'], requiredNotPassed: ['steps/succeeded', 'ml/grid-search'] });
  });

  it('a true failure beside environment errors: fail (exit 1)', () => {
    expect(summarize([verdict('repo/files-present', 'fail'), verdict('ml/grid-search', 'error', true)], []).status).toBe('fail');
  });

  it('an error that is not the environment’s (a check that could not read a corrupt file) still fails (exit 1)', () => {
    expect(summarize([verdict('rows', 'error'), verdict('ml/grid-search', 'error', true)], []).status).toBe('fail');
  });

  it('everything passed: pass (exit 0), and an optional blocked check does not change it', () => {
    expect(summarize([verdict('a', 'pass'), { ...verdict('b', 'error', true), required: false }], [])).toMatchObject({ status: 'pass', notJudged: [] });
  });
});
