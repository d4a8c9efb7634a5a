/** An algorithm a framework asks for, and the estimator classes that count as it. */
export interface Algorithm {
  key: string;
  /** Technical name shown in messages of both languages (class-like, e.g. RandomForest). */
  name: string;
  classes: string[];
}

/** Keys usable in the `algorithms` option; any other string is taken as an estimator class name. */
export const ALGORITHMS: Record<string, Algorithm> = {
  lasso: { key: 'lasso', name: 'Lasso', classes: ['Lasso', 'LassoCV', 'LassoLars', 'LassoLarsCV', 'LassoLarsIC'] },
  ridge: { key: 'ridge', name: 'Ridge', classes: ['Ridge', 'RidgeCV'] },
  elasticnet: { key: 'elasticnet', name: 'ElasticNet', classes: ['ElasticNet', 'ElasticNetCV'] },
  linear_regression: { key: 'linear_regression', name: 'LinearRegression', classes: ['LinearRegression'] },
  knn: { key: 'knn', name: 'KNeighbors', classes: ['KNeighborsClassifier', 'KNeighborsRegressor'] },
  random_forest: { key: 'random_forest', name: 'RandomForest', classes: ['RandomForestClassifier', 'RandomForestRegressor'] },
  decision_tree: { key: 'decision_tree', name: 'DecisionTree', classes: ['DecisionTreeClassifier', 'DecisionTreeRegressor'] },
  logistic_regression: { key: 'logistic_regression', name: 'LogisticRegression', classes: ['LogisticRegression', 'LogisticRegressionCV'] },
  gradient_boosting: {
    key: 'gradient_boosting',
    name: 'GradientBoosting',
    classes: ['GradientBoostingClassifier', 'GradientBoostingRegressor', 'HistGradientBoostingClassifier', 'HistGradientBoostingRegressor', 'XGBClassifier', 'XGBRegressor', 'LGBMClassifier', 'LGBMRegressor'],
  },
  svm: { key: 'svm', name: 'SVM', classes: ['SVC', 'SVR', 'LinearSVC', 'LinearSVR'] },
};

export type Task = 'regression' | 'classification';

export const DEFAULT_ALGORITHMS: Record<Task, string[]> = {
  regression: ['lasso', 'ridge', 'elasticnet'],
  classification: ['knn', 'random_forest', 'decision_tree', 'logistic_regression'],
};

/** Resolves option entries (keys or class names) to algorithms. */
export function resolveAlgorithms(entries: readonly string[]): Algorithm[] {
  return entries.map((entry) => ALGORITHMS[entry] ?? { key: entry, name: entry, classes: [entry] });
}

/** A classifier by its class name, for reading `score()` as accuracy rather than R². */
export function isClassifierName(name: string): boolean {
  return /Classifier(CV)?$|^LogisticRegression|^(Linear|Nu)?SVC$|NB$|^Perceptron$|^RidgeClassifier/.test(name);
}
