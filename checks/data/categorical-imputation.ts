import { type CheckContext, defineCheck } from '../check.js';
import { judgeImputation, type ImputationOptions } from './support/imputation.js';
import { IMPUTATION_OPTIONS } from './support/imputation-meta.js';
import { factsOrSkip, NO_TRACE } from '../support/trace-support.js';
import { dataFacts } from './support/data-facts.js';
import { NO_LINKS } from './support/lineage/no-links.js';
import { NO_DATABASE } from '../db/support/open-database.js';

export default defineCheck({
  meta: {
    id: 'data/categorical-imputation',
    title: { fr: 'Imputation des variables qualitatives', en: 'Qualitative imputation' },
    criteria: ['cdp-data-ia:C1.8'],
    evidence: ['trace', 'db', 'artifact'],
    options: IMPUTATION_OPTIONS,
    messages: {
      ...NO_TRACE,
      ...NO_DATABASE,
      ...NO_LINKS,
      pass: { fr: 'Valeurs manquantes qualitatives imputées par la modalité la plus fréquente : {ok}.', en: 'Missing qualitative values imputed with the most frequent modality: {ok}.' },
      nothingMissing: { fr: 'Aucune colonne qualitative des sources n’a de valeur manquante.', en: 'No qualitative source column has missing values.' },
      warn: {
        fr: 'Imputation qualitative à justifier : {problems}. Par le mode : {ok}. La modalité la plus fréquente est attendue (C1.8).',
        en: 'Qualitative imputation to justify: {problems}. With the mode: {ok}. The most frequent modality is expected (C1.8).',
      },
      fail: {
        fr: 'Imputation qualitative incorrecte : {problems}. Correctes : {ok}. Attendu : aucune valeur manquante dans la table, remplacée par la modalité la plus fréquente (df[col].mode()[0]) ou un SimpleImputer(strategy="most_frequent") — jamais une moyenne, qui crée une modalité inexistante.',
        en: 'Qualitative imputation wrong: {problems}. Correct: {ok}. Expected: no missing value left in the table, each replaced by the most frequent modality (df[col].mode()[0]) or a SimpleImputer(strategy="most_frequent") — never a mean, which makes up a modality that does not exist.',
      },
    },
  },
  async run(ctx: CheckContext<ImputationOptions>) {
    const got = factsOrSkip(ctx, dataFacts);
    if ('skip' in got) return got.skip;
    return judgeImputation(ctx, got.facts, 'categorical');
  },
});
