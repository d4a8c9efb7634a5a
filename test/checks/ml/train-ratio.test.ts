import check from '../../../checks/ml/train-ratio.js';
import { testCheck } from '../../../checks/tester.js';
import { indexTraceEvents } from '../../../runner/tracer/trace-index.js';
import { regressionRun, TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;

testCheck(check, {
  valid: [
    {
      name: 'exactly 70/30 passes the default 0.70',
      evidence: regressionRun(['Ridge'], 300).evidence(),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['Train share 0.7 (700 train rows, 300 test rows, measured on fit/predict, model.py:20)'],
        evidence: [{ subject: 'train share', actual: 0.7, expected: '>= 0.7' }, { subject: 'train_test_split', location: { file: 'model.py', line: 10 } }],
      },
    },
    {
      name: 'split by year measured on actual rows (780 / 220)',
      evidence: () => {
        const b = new TraceBuilder();
        const obj = b.fit(40, 'Pipeline', D('y2019', 780), D('t2019', 780, null), { final: { class: 'Ridge' } });
        b.predict(41, obj, 'Pipeline', D('y2020', 220), 'pred', { final: { class: 'Ridge' } });
        return b.evidence();
      },
      expect: { status: 'pass', message: 'pass', includes: ['0.78'], evidence: [{ subject: 'Pipeline.fit', location: { file: 'model.py', line: 40 }, actual: 780 }] },
    },
    {
      name: 'a split without any model still gives the share',
      evidence: new TraceBuilder().split(5, 500, 100).evidence(),
      expect: { status: 'pass', message: 'pass', includes: ['0.8', 'train_test_split, model.py:5'] },
    },
    {
      name: 'a lower threshold is an option',
      options: { minTrainRatio: 0.6 },
      evidence: regressionRun(['Ridge'], 400).evidence(),
      expect: { status: 'pass', message: 'pass', includes: ['0.6'] },
    },
  ],
  invalid: [
    {
      name: 'split 60/40',
      evidence: regressionRun(['Ridge'], 400).evidence(),
      expect: {
        status: 'fail',
        message: 'tooSmall',
        includes: ['Train share 0.6 (600 train rows, 400 test rows', 'below the expected minimum 0.7', '70 %'],
        evidence: [{ subject: 'train share', actual: 0.6 }],
      },
    },
    {
      name: 'no test set at all',
      evidence: () => {
        const b = new TraceBuilder();
        b.fit(30, 'Ridge', D('X', 1000), D('y', 1000, null));
        return b.evidence();
      },
      expect: { status: 'fail', message: 'none' },
    },
    {
      name: 'nothing traced',
      evidence: { trace: indexTraceEvents([]) },
      expect: { status: 'fail', message: 'noTrace' },
    },
  ],
});
