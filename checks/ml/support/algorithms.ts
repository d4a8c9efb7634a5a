import type { Localized } from '../../../runner/i18n.js';

/** An algorithm a framework asks for, and the estimator classes that count as it. */
export interface Algorithm {
  key: string;
  label: Localized;
  classes: string[];
}

/** Keys usable in the `algorithms` option; any other string is taken as an estimator class name. */
export const ALGORITHMS: Record<string, Algorithm> = {
  lasso: { key: 'lasso', label: { fr: 'Lasso', en: 'Lasso' }, classes: ['Lasso', 'LassoCV', 'LassoLars', 'LassoLarsCV', 'LassoLarsIC'] },
  ridge: { key: 'ridge', label: { fr: 'Ridge', en: 'Ridge' }, classes: ['Ridge', 'RidgeCV'] },
  elasticnet: { key: 'elasticnet', label: { fr: 'ElasticNet', en: 'ElasticNet' }, classes: ['ElasticNet', 'ElasticNetCV'] },
  linear_regression: { key: 'linear_regression', label: { fr: 'régression linéaire', en: 'linear regression' }, classes: ['LinearRegression'] },
  knn: { key: 'knn', label: { fr: 'k plus proches voisins', en: 'k-nearest neighbours' }, classes: ['KNeighborsClassifier', 'KNeighborsRegressor'] },
  random_forest: { key: 'random_forest', label: { fr: 'forêt aléatoire', en: 'random forest' }, classes: ['RandomForestClassifier', 'RandomForestRegressor'] },
  decision_tree: { key: 'decision_tree', label: { fr: 'arbre de décision', en: 'decision tree' }, classes: ['DecisionTreeClassifier', 'DecisionTreeRegressor'] },
  logistic_regression: { key: 'logistic_regression', label: { fr: 'régression logistique', en: 'logistic regression' }, classes: ['LogisticRegression', 'LogisticRegressionCV'] },
  gradient_boosting: {
    key: 'gradient_boosting',
    label: { fr: 'gradient boosting', en: 'gradient boosting' },
    classes: ['GradientBoostingClassifier', 'GradientBoostingRegressor', 'HistGradientBoostingClassifier', 'HistGradientBoostingRegressor', 'XGBClassifier', 'XGBRegressor', 'LGBMClassifier', 'LGBMRegressor'],
  },
  svm: { key: 'svm', label: { fr: 'SVM', en: 'SVM' }, classes: ['SVC', 'SVR', 'LinearSVC', 'LinearSVR'] },
};

export type Task = 'regression' | 'classification';

export const DEFAULT_ALGORITHMS: Record<Task, string[]> = {
  regression: ['lasso', 'ridge', 'elasticnet'],
  classification: ['knn', 'random_forest', 'decision_tree', 'logistic_regression'],
};

/** Resolves option entries (keys or class names) to algorithms. */
export function resolveAlgorithms(entries: readonly string[]): Algorithm[] {
  return entries.map((entry) => ALGORITHMS[entry] ?? { key: entry, label: { fr: entry, en: entry }, classes: [entry] });
}

/** A classifier by its class name, for reading `score()` as accuracy rather than R². */
export function isClassifierName(name: string): boolean {
  return /Classifier(CV)?$|^LogisticRegression|^(Linear|Nu)?SVC$|NB$|^Perceptron$|^RidgeClassifier/.test(name);
}
