import { type CheckContext, defineCheck } from '../check.js';
import { judgeImputation, type ImputationOptions } from './support/imputation.js';
import { IMPUTATION_OPTIONS } from './support/imputation-meta.js';
import { factsOrSkip, NO_TRACE } from '../support/trace-support.js';
import { dataFacts } from './support/data-facts.js';
import { NO_LINKS } from './support/lineage/no-links.js';
import { NO_DATABASE } from '../db/support/open-database.js';

export default defineCheck({
  meta: {
    id: 'data/numeric-imputation',
    title: { fr: 'Imputation des variables quantitatives', en: 'Quantitative imputation' },
    criteria: ['cdp-data-ia:C1.8'],
    evidence: ['trace', 'db', 'artifact'],
    options: IMPUTATION_OPTIONS,
    messages: {
      ...NO_TRACE,
      ...NO_DATABASE,
      ...NO_LINKS,
      pass: { fr: 'Valeurs manquantes quantitatives imputées : {ok}.', en: 'Missing quantitative values imputed: {ok}.' },
      nothingMissing: { fr: 'Aucune colonne quantitative des sources n’a de valeur manquante.', en: 'No quantitative source column has missing values.' },
      warn: {
        fr: 'Imputation à justifier : {problems}. Imputées selon le critère : {ok}. La moyenne, la médiane ou 0 sont attendues (C1.8) ; justifiez toute autre méthode devant le jury.',
        en: 'Imputation to justify: {problems}. Imputed as the criterion asks: {ok}. The mean, the median or 0 is expected (C1.8); justify any other method to the jury.',
      },
      fail: {
        fr: 'Imputation quantitative incorrecte : {problems}. Correctes : {ok}. Attendu : aucune valeur manquante dans la table, remplacée par la moyenne, la médiane ou 0 calculées avant imputation, ou un SimpleImputer(strategy="mean"/"median").',
        en: 'Quantitative imputation wrong: {problems}. Correct: {ok}. Expected: no missing value left in the table, each replaced by the mean, the median or 0 computed before imputation, or a SimpleImputer(strategy="mean"/"median").',
      },
    },
  },
  async run(ctx: CheckContext<ImputationOptions>) {
    const got = factsOrSkip(ctx, dataFacts);
    if ('skip' in got) return got.skip;
    return judgeImputation(ctx, got.facts, 'numeric');
  },
});
