import { describe, expect, it } from 'vitest';
import { loadCheck, knownCheckIds } from '../../../checks/registry.js';
import { evaluateCheck } from '../../../checks/tester.js';

/**
 * Issue 10 §4: a check that compared nothing is never `pass`. Every registered check runs on empty evidence (no
 * file, no step, no trace, no database, no dataset) with its default options; none may pass, whatever it says.
 */
describe('no pass without evidence: every registered check on empty evidence', () => {
  for (const id of knownCheckIds()) {
    it(id, async () => {
      const check = (await loadCheck(id))!;
      const verdict = await evaluateCheck(check, {});
      expect(verdict.status, `${verdict.messageKey}: ${verdict.message.en}`).not.toBe('pass');
    });
  }
});
