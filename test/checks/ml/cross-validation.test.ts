import check from '../../../checks/ml/cross-validation.js';
import { testCheck } from '../../../checks/tester.js';
import { TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;

testCheck(check, {
  valid: [
    {
      name: 'cross_val_score with cv=5',
      evidence: new TraceBuilder().cv(40, 'cross_val_score', 'Ridge', D('Xtr', 700)).evidence(),
      expect: { status: 'pass', message: 'pass', includes: ['5-fold cross-validation with cross_val_score (model.py:40), mean score 0.8'], includesFr: ['score moyen 0.8'], evidence: [{ subject: 'cross_val_score', actual: 5 }] },
    },
    {
      name: 'a hand-written StratifiedKFold loop',
      evidence: new TraceBuilder().raw({ type: 'split', kind: 'cv_splitter', function: 'StratifiedKFold.split', splitter: 'StratifiedKFold', n_splits: 4, n_rows: 700 }, 12).evidence(),
      expect: { status: 'pass', message: 'pass', includes: ['4-fold', 'StratifiedKFold.split'] },
    },
    {
      name: 'GridSearchCV is cross-validated',
      evidence: () => {
        const b = new TraceBuilder();
        b.search(20, 'Ridge', { alpha: [1, 2] }, { alpha: 1 }, D('Xtr', 700), D('ytr', 700, null));
        return b.evidence();
      },
      expect: { status: 'pass', message: 'pass', includes: ['GridSearchCV'] },
    },
  ],
  invalid: [
    {
      name: 'GridSearchCV does not count when the option says so',
      options: { countSearch: false },
      evidence: () => {
        const b = new TraceBuilder();
        b.search(20, 'Ridge', { alpha: [1, 2] }, { alpha: 1 }, D('Xtr', 700), D('ytr', 700, null));
        return b.evidence();
      },
      expect: { status: 'fail', message: 'none' },
    },
    {
      name: 'cv=2 is below the minimum',
      evidence: new TraceBuilder().cv(40, 'cross_validate', 'Ridge', D('Xtr', 700), { cv: { n_splits: 2, splitter: 'int' } }).evidence(),
      expect: { status: 'fail', message: 'tooFew', evidence: [{ subject: 'cross_validate', expected: '>= 3 folds', actual: 2 }], includes: ['only 2 folds'] },
    },
  ],
});
