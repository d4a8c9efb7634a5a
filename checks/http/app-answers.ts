import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { exchangeEvidence, NOT_SERVED, notServed, startEvidence } from './support/served.js';

/** The exchanges that are pages of the app (its HTML pages, the API's docs, a health route). */
const PAGE_PURPOSES = new Set(['page', 'docs', 'health']);

export default defineCheck({
  meta: {
    id: 'http/app-answers',
    title: { fr: 'L’application web démarre et répond', en: 'The web app starts and answers' },
    criteria: ['cdp-data-ia:C3.6', 'dev-ia-ds:A1.3 C1', 'dev-ia-ds:A1.3 C2', 'cdp-ia-aivancity:C1.5'],
    evidence: ['http'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NOT_SERVED,
      pass: { fr: 'L’application a démarré ({command}) et répond en {readyMs} ms ; {ok} {ok|page|pages} en 2xx : {list}.', en: 'The app started ({command}) and answered within {readyMs} ms; {ok} {ok|page|pages} with 2xx: {list}.' },
      noPage: {
        fr: 'L’application écoute mais aucune de ses pages ne répond en 2xx ({list}). Attendu : au moins « / », « /docs » ou une route de santé en 2xx. Ajoutez une page d’accueil ou vérifiez les routes.',
        en: 'The app listens but none of its pages answers 2xx ({list}). Expected: at least "/", "/docs" or a health route with 2xx. Add a home page or check the routes.',
      },
      serverError: {
        fr: '{count} {count|page de l’application répond|pages de l’application répondent} par une erreur serveur (5xx) : {list}. Attendu : aucune page liée ne plante. Voyez la trace dans les journaux de l’application.',
        en: '{count} {count|page of the app answers|pages of the app answer} with a server error (5xx): {list}. Expected: no linked page crashes. See the traceback in the app’s logs.',
      },
    },
  },
  run({ http }) {
    const blocked = notServed(http);
    if (blocked || !http) return blocked ?? { status: 'skip', message: 'notAsked' };
    const pages = http.exchanges.filter((e) => PAGE_PURPOSES.has(e.purpose) && e.status !== 404);
    const evidence: Evidence[] = [startEvidence(http), ...pages.map((e) => exchangeEvidence(e, '2xx'))];
    const crashed = pages.filter((e) => e.status !== null && e.status >= 500);
    if (crashed.length > 0) return { status: 'fail', message: 'serverError', params: { count: crashed.length, list: crashed.map((e) => `${e.path} (${e.status})`).join(', ') }, evidence };
    const ok = pages.filter((e) => e.status !== null && e.status >= 200 && e.status < 300);
    if (ok.length === 0) {
      const tried = http.exchanges.filter((e) => PAGE_PURPOSES.has(e.purpose));
      return { status: 'fail', message: 'noPage', params: { list: tried.map((e) => `${e.path} (${e.status ?? e.error})`).join(', ') }, evidence: [startEvidence(http), ...tried.map((e) => exchangeEvidence(e, '2xx'))] };
    }
    return { status: 'pass', message: 'pass', params: { command: (http.command ?? []).join(' '), readyMs: http.readyMs ?? 0, ok: ok.length, list: ok.map((e) => e.path).join(', ') }, evidence };
  },
});
