import check from '../../../checks/ml/algorithms-fitted.js';
import { testCheck } from '../../../checks/tester.js';
import { regressionRun, TraceBuilder } from './support/trace-builder.js';

const D = TraceBuilder.data;

function classificationRun(models: string[]): TraceBuilder {
  const b = new TraceBuilder().split(10, 1000, 250);
  models.forEach((name, i) => b.fit(20 + i, name, D('Xtr', 750), D('ytr', 750, null)));
  return b;
}

testCheck(check, {
  valid: [
    {
      name: 'Lasso, Ridge and ElasticNet fitted on X_train',
      evidence: regressionRun().evidence(),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['All 3 required algorithms', 'Lasso, Ridge, ElasticNet'],
        evidence: [{ subject: 'Lasso', location: { file: 'model.py', line: 20 }, actual: 'fitted on train' }],
      },
    },
    {
      name: 'models inside Pipelines and a grid search count',
      evidence: () => {
        const b = new TraceBuilder().split(10, 1000, 300);
        const Xtr = D('Xtr', 700);
        const ytr = D('ytr', 700, null);
        b.fit(20, 'Pipeline', Xtr, ytr, { final: { class: 'Lasso' }, steps: [{ name: 'imp', class: 'SimpleImputer' }, { name: 'm', class: 'Lasso' }] });
        b.fit(21, 'Pipeline', Xtr, ytr, { final: { class: 'Ridge' } });
        b.search(22, 'ElasticNet', { alpha: [0.1, 1], l1_ratio: [0.2, 0.8] }, { alpha: 0.1, l1_ratio: 0.2 }, Xtr, ytr);
        return b.evidence();
      },
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'ElasticNet', data: { class: 'ElasticNet', wrapper: 'GridSearchCV', rows: 700, cols: 4 } }] },
    },
    {
      name: 'classification list',
      options: { task: 'classification' },
      evidence: classificationRun(['KNeighborsClassifier', 'RandomForestClassifier', 'DecisionTreeClassifier', 'LogisticRegression']).evidence(),
      expect: { status: 'pass', message: 'pass', includes: ['All 4 required algorithms'] },
    },
    {
      name: 'a custom list of classes',
      options: { algorithms: ['XGBRegressor'] },
      evidence: regressionRun(['XGBRegressor']).evidence(),
      expect: { status: 'pass', message: 'pass', includes: ['XGBRegressor'] },
    },
  ],
  invalid: [
    {
      name: 'classification project missing DecisionTree',
      options: { task: 'classification' },
      evidence: classificationRun(['KNeighborsClassifier', 'RandomForestClassifier', 'LogisticRegression']).evidence(),
      expect: {
        status: 'fail',
        message: 'fail',
        score: 0.75,
        includes: ['missing: DecisionTree;', 'other than the train set: -'],
        evidence: [{ subject: 'DecisionTree', actual: 'not fitted' }],
      },
    },
    {
      name: 'Ridge fitted on the whole dataset before the split',
      evidence: () => {
        const b = regressionRun(['Lasso', 'ElasticNet']);
        b.fit(50, 'Ridge', D('X', 1000), D('y', 1000, null));
        return b.evidence();
      },
      expect: { status: 'fail', message: 'fail', includes: ['other than the train set: Ridge'], evidence: [{ subject: 'Ridge', actual: 'fitted on full data', location: { file: 'model.py', line: 50 } }] },
    },
  ],
});
