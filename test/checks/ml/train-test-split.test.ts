import check from '../../../checks/ml/train-test-split.js';
import { testCheck } from '../../../checks/tester.js';
import { indexTraceEvents } from '../../../runner/tracer/trace-index.js';
import { regressionRun, TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;

testCheck(check, {
  valid: [
    {
      name: 'train_test_split 700/300',
      evidence: regressionRun().evidence(),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['700 rows', '300 rows', 'model.py:10'],
        evidence: [{ subject: 'train_test_split', location: { file: 'model.py', line: 10 }, actual: '700 + 300' }],
      },
    },
    {
      name: 'split by year: fit on 800 rows, predict on 200 other rows',
      evidence: () => {
        const b = new TraceBuilder();
        const obj = b.fit(30, 'Ridge', D('train2019', 800), D('ytrain2019', 800, null));
        b.predict(31, obj, 'Ridge', D('test2020', 200), 'pred');
        return b.evidence();
      },
      expect: { status: 'pass', message: 'manual', includes: ['Ridge', '800 rows', '200 other rows', 'model.py:30'] },
    },
  ],
  invalid: [
    {
      name: 'model fitted and applied on the same data',
      evidence: () => {
        const b = new TraceBuilder();
        const obj = b.fit(30, 'Ridge', D('X', 1000), D('y', 1000, null));
        b.predict(31, obj, 'Ridge', D('X', 1000), 'pred');
        return b.evidence();
      },
      expect: { status: 'fail', message: 'none', evidence: [{ subject: 'train_test_split', expected: 'train + test', actual: null }] },
    },
    {
      name: 'a traced run without any ML call',
      evidence: new TraceBuilder().evidence(),
      expect: { status: 'fail', message: 'none' },
    },
    {
      name: 'no trace at all (nothing ran)',
      evidence: { trace: indexTraceEvents([]) },
      expect: { status: 'fail', message: 'noTrace' },
    },
  ],
});
