import check from '../../../checks/ml/target-homogeneous.js';
import { testCheck } from '../../../checks/tester.js';
import { TraceBuilder } from './support/trace-builder.js';

testCheck(check, {
  valid: [
    {
      name: 'numeric price target for regression',
      evidence: new TraceBuilder().target(20, 'numeric', { name: 'prix', dtype: 'float64' }).evidence(),
      expect: { status: 'pass', message: 'pass', includes: ['Target prix', 'float64', 'model.py:20'], evidence: [{ subject: 'target prix', actual: 'numeric', expected: 'numeric' }] },
    },
    {
      name: 'string labels for classification',
      options: { task: 'classification' },
      evidence: new TraceBuilder().target(8, 'categorical', { name: 'churn', dtype: 'object', n_unique: 2 }).evidence(),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'target churn', actual: 'categorical', expected: 'categorical' }] },
    },
    {
      name: 'labels encoded as 0/1 integers for classification',
      options: { task: 'classification' },
      evidence: new TraceBuilder().target(8, 'numeric', { name: 'churn', dtype: 'int64', n_unique: 2 }).evidence(),
      expect: { status: 'pass', message: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'target left among the features',
      evidence: new TraceBuilder().target(14, 'numeric', { name: 'prix', target_in_features: true }).evidence(),
      expect: { status: 'fail', message: 'notSeparated', evidence: [{ subject: 'target prix' }], includes: ["df.drop(columns=['prix'])", 'model.py:14'] },
    },
    {
      name: 'mixed numbers and strings',
      evidence: new TraceBuilder().target(14, 'mixed', { name: 'prix', dtype: 'object' }).evidence(),
      expect: { status: 'fail', message: 'mixed', includes: ['mixes numbers and text (object'] },
    },
    {
      name: 'categorical target in a regression scenario',
      evidence: new TraceBuilder().target(14, 'categorical', { name: 'classe', dtype: 'object' }).evidence(),
      expect: { status: 'fail', message: 'notQuantitative' },
    },
    {
      name: 'continuous target in a classification scenario',
      options: { task: 'classification', maxClasses: 10 },
      evidence: new TraceBuilder().target(14, 'numeric', { name: 'prix', n_unique: 640 }).evidence(),
      expect: { status: 'fail', message: 'notQualitative', includes: ['640 distinct values', 'at most 10 classes'] },
    },
    { name: 'no model trained with a target', evidence: new TraceBuilder().evidence(), expect: { status: 'fail', message: 'none' } },
  ],
});
