import type { HttpExchange } from '../../runner/serve/http-evidence.js';
import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { exchangeEvidence, NOT_SERVED, notServed } from './support/served.js';

const ok = (e: HttpExchange) => e.status !== null && e.status >= 200 && e.status < 300;

export default defineCheck({
  meta: {
    id: 'http/prediction-route',
    title: { fr: 'Le modèle est intégré : la route de prédiction répond juste', en: 'The model is integrated: the prediction route answers right' },
    criteria: ['cdp-data-ia:C3.6', 'dev-ia-ds:A1.3 C1'],
    evidence: ['http', 'trace'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NOT_SERVED,
      pass: {
        fr: '{method} {path} prédit pour une entrée valide ({status}, predict du modèle {estimator} appelé) et refuse les entrées invalides ({invalid}).',
        en: '{method} {path} predicts for a valid input ({status}, the model’s predict of {estimator} called) and refuses invalid inputs ({invalid}).',
      },
      noRoute: {
        fr: 'Aucune route de prédiction trouvée : ni route POST ni formulaire dont les champs sont les variables du modèle ({features}). Attendu : une route (POST /predict) ou un formulaire qui prend ces variables. Nommez les champs comme les colonnes d’entraînement.',
        en: 'No prediction route found: no POST route or form whose fields are the model’s features ({features}). Expected: a route (POST /predict) or a form taking them. Name the fields after the training columns.',
      },
      protected: {
        fr: '{method} {path} demande une authentification ({status} sans identifiants) et le README ne donne pas de compte de démonstration qui fonctionne : la prédiction n’a pas pu être essayée. Le jury vérifie ; documentez un compte de démonstration dans le README.',
        en: '{method} {path} requires authentication ({status} without credentials) and the README gives no demo account that works: the prediction could not be tried. The jury checks; document a demo account in the README.',
      },
      validRefused: {
        fr: '{method} {path} refuse une entrée valide ({status}) construite d’après les données d’entraînement ({input}). Attendu : une prédiction (2xx). Voyez la réponse et les journaux dans les preuves.',
        en: '{method} {path} refuses a valid input ({status}) built from the training data ({input}). Expected: a prediction (2xx). See the answer and the logs in the evidence.',
      },
      constant: {
        fr: '{method} {path} répond la même chose pour {count} entrées différentes ({answer}) : la réponse ne dépend pas de l’entrée. Attendu : la prédiction du modèle entraîné. Appelez model.predict sur les valeurs reçues.',
        en: '{method} {path} gives the same answer for {count} different inputs ({answer}): the answer does not depend on the input. Expected: the trained model’s prediction. Call model.predict on the values received.',
      },
      notPredicted: {
        fr: '{method} {path} répond {status} mais aucun appel à predict n’a été observé dans l’application pendant la requête. Attendu : la route appelle le modèle entraîné (chargé avec joblib/pickle).',
        en: '{method} {path} answers {status} but no predict call was observed in the app during the request. Expected: the route calls the trained model (loaded with joblib/pickle).',
      },
      invalidCrash: {
        fr: '{method} {path} plante sur une entrée invalide ({list}) : erreur serveur 5xx. Attendu : un refus 4xx avec un message (champ manquant, mauvais type). Validez les entrées (pydantic, contrôle des champs du formulaire).',
        en: '{method} {path} crashes on an invalid input ({list}): a 5xx server error. Expected: a 4xx refusal with a message (missing field, wrong type). Validate the inputs (pydantic, form field checks).',
      },
      invalidAccepted: {
        fr: '{method} {path} prédit sur une entrée invalide ({list}). Attendu : un refus 4xx avec un message. Validez les entrées avant d’appeler le modèle.',
        en: '{method} {path} predicts on an invalid input ({list}). Expected: a 4xx refusal with a message. Validate the inputs before calling the model.',
      },
    },
  },
  run({ http }) {
    const blocked = notServed(http);
    if (blocked || !http) return blocked ?? { status: 'skip', message: 'notAsked' };
    const route = http.prediction;
    if (!route) {
      const evidence: Evidence[] = [{ kind: 'http', subject: 'routes', expected: 'prediction route', actual: 'none', data: { routes: http.routes.slice(0, 30).map((r) => `${r.method} ${r.path}`), forms: http.forms.map((f) => `${f.method} ${f.action || f.page}: ${f.fields.map((x) => x.name).join(',')}`), features: http.features } }];
      return { status: 'fail', message: 'noRoute', params: { features: http.features.join(', ') || '—' }, evidence };
    }
    const where = { method: route.method, path: route.path };
    const routeEvidence: Evidence = { kind: 'http', subject: `${route.method} ${route.path}`, expected: 'features', actual: route.matched.length, data: { matched: route.matched, unmatched: route.unmatched, fields: route.fields, input: route.input.values, sources: route.input.sources, ...(route.credentials ? { credentials: route.credentials } : {}) } };
    const valid = http.exchanges.filter((e) => e.purpose === 'valid');
    const first = valid.at(-1);
    if (route.protected || !first) {
      const answer = http.exchanges.filter((e) => e.purpose === 'no-credentials').at(-1) ?? first;
      return { status: 'warn', message: 'protected', params: { ...where, status: answer?.status ?? '—' }, evidence: [routeEvidence, ...(answer ? [exchangeEvidence(answer, '401/403')] : [])] };
    }
    const evidence: Evidence[] = [routeEvidence, exchangeEvidence(first, '2xx + predict')];
    const input = Object.entries(route.input.values).map(([k, v]) => `${k}=${v}`).join(', ');
    if (!ok(first)) return { status: 'fail', message: 'validRefused', params: { ...where, status: first.status ?? first.error ?? '—', input }, evidence };
    const varied = http.exchanges.filter((e) => e.purpose === 'varied' && ok(e));
    evidence.push(...varied.map((e) => exchangeEvidence(e, 'another answer')));
    if (varied.length >= 2 && varied.every((e) => e.body === first.body)) {
      return { status: 'fail', message: 'constant', params: { ...where, count: varied.length + 1, answer: first.body.slice(0, 80) }, evidence };
    }
    if (!first.tracedPredictions) return { status: 'fail', message: 'notPredicted', params: { ...where, status: first.status! }, evidence };
    const invalid = http.exchanges.filter((e) => e.purpose === 'missing-field' || e.purpose === 'wrong-type');
    evidence.push(...invalid.map((e) => exchangeEvidence(e, '4xx')));
    const crashed = invalid.filter((e) => e.status === null || e.status >= 500);
    if (crashed.length > 0) return { status: 'fail', message: 'invalidCrash', params: { ...where, list: crashed.map((e) => `${e.purpose} → ${e.status ?? e.error}`).join(', ') }, evidence };
    // A JSON API must say 4xx; a form may answer its page again with the error, as long as no prediction was made.
    const accepted = invalid.filter((e) => ok(e) && (route.kind === 'json' || (e.tracedPredictions ?? 0) > 0));
    if (accepted.length > 0) return { status: 'fail', message: 'invalidAccepted', params: { ...where, list: accepted.map((e) => `${e.purpose} → ${e.status}`).join(', ') }, evidence };
    const estimator = http.trace?.predictions.find((p) => p.at >= first.startedAt - 5 && p.at <= first.endedAt + 5)?.estimator ?? '?';
    return { status: 'pass', message: 'pass', params: { ...where, status: first.status!, estimator, invalid: invalid.map((e) => `${e.purpose} → ${e.status}`).join(', ') || '—' }, evidence };
  },
});
