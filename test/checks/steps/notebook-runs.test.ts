import check from '../../../checks/steps/notebook-runs.js';
import { testCheck } from '../../../checks/tester.js';

// Table tests (docs/writing-a-check.md, "The table test"): each case gives the evidence the check reads and the
// exact verdict it must give. The tester refuses a case still named TODO, and renders every message in French
// and English.
testCheck(check, {
  valid: [
    {
      name: 'TODO: a repository that meets the criterion',
      evidence: {},
      expect: { status: 'pass', message: 'pass', includes: [] },
    },
  ],
  invalid: [
    {
      name: 'TODO: a repository that misses it',
      evidence: {},
      expect: { status: 'fail', message: 'fail' },
    },
  ],
});
