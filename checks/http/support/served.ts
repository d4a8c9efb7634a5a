import type { HttpEvidence, HttpExchange } from '../../../runner/serve/http-evidence.js';
import type { CheckOutcome } from '../../check.js';
import type { Evidence } from '../../verdict.js';

/** The messages every `http/*` check has for an app that was not served. */
export const NOT_SERVED = {
  notAsked: { fr: 'Non évalué : le scénario ne démarre pas d’application (pas d’étape « serve »).', en: 'Not judged: the scenario starts no app (no "serve" step).' },
  notFound: {
    fr: 'Aucune application web trouvée : ni commande `uvicorn`, `flask run` ou `streamlit run` dans le README, le Makefile ou le Dockerfile, ni objet `FastAPI()` ou `Flask()` dans le code. Attendu : une application qui sert le modèle. Écrivez la commande dans le README (« Lancer : `uvicorn src.api.main:app` ») ou donnez-la au scénario (`serve.command`).',
    en: 'No web app found: no `uvicorn`, `flask run` or `streamlit run` command in the README, Makefile or Dockerfile, and no `FastAPI()` or `Flask()` object in the code. Expected: an app serving the model. Write the command in the README ("Run: `uvicorn src.api.main:app`") or give it to the scenario (`serve.command`).',
  },
  crashed: {
    fr: 'L’application n’a pas démarré ({command}) : {cause}. Attendu : elle répond en HTTP une fois le pipeline exécuté. Voyez ses journaux dans les preuves et corrigez l’erreur.',
    en: 'The app did not start ({command}): {cause}. Expected: it answers HTTP once the pipeline has run. See its logs in the evidence and fix the error.',
  },
  environment: {
    fr: 'Non évaluable : l’application n’a pas démarré pour une raison extérieure au code de l’équipe ({cause}).',
    en: 'Could not be judged: the app did not start for a reason outside the team’s code ({cause}).',
  },
} as const;

type NotServedKey = keyof typeof NOT_SERVED;

/** The outcome when there is no served app to look at; undefined when the app answered. */
export function notServed(http: HttpEvidence | undefined): CheckOutcome<NotServedKey> | undefined {
  if (!http || http.state === 'not-asked') return { status: 'skip', message: 'notAsked' };
  if (http.state === 'not-found') return { status: 'fail', message: 'notFound', evidence: [{ kind: 'http', subject: 'app', expected: 'served', actual: 'not-found' }] };
  if (http.state === 'served') return undefined;
  const failure = http.failure;
  const evidence: Evidence[] = [startEvidence(http)];
  const cause = failure?.message ?? { fr: 'cause inconnue', en: 'unknown cause' };
  if (failure && failure.owner !== 'candidate') {
    return { status: 'error', message: 'environment', params: { cause }, evidence, blockedBy: { owner: failure.owner, causes: [failure.cause], steps: ['app'] } };
  }
  return { status: 'fail', message: 'crashed', params: { command: (http.command ?? []).join(' '), cause }, evidence };
}

/** The app's start as evidence: command, where it was found, how it ended, the end of its logs. */
export function startEvidence(http: HttpEvidence): Evidence {
  const stderr = http.logs?.stderr ?? '';
  return {
    kind: 'http',
    subject: 'app',
    ...(http.reason && /:\d+/.test(http.reason) ? { location: { file: http.reason.split(':')[0]!, line: Number(/:(\d+)/.exec(http.reason)![1]) } } : {}),
    expected: 'served',
    actual: http.state,
    data: {
      command: (http.command ?? []).join(' '),
      reason: http.reason,
      ...(http.baseUrl ? { baseUrl: http.baseUrl } : {}),
      ...(http.readyMs !== undefined ? { readyMs: http.readyMs } : {}),
      ...(http.exit ? { exit: http.exit } : {}),
      ...(http.failure ? { owner: http.failure.owner, cause: http.failure.cause } : {}),
      ...(stderr ? { stderrTail: stderr.slice(-1500) } : {}),
    },
  };
}

/** One exchange as evidence (body cut to 300 characters). */
export function exchangeEvidence(exchange: HttpExchange, expected: string): Evidence {
  return {
    kind: 'http',
    subject: `${exchange.method} ${exchange.path}`,
    expected,
    actual: exchange.status ?? exchange.error ?? null,
    data: {
      purpose: exchange.purpose,
      ...(exchange.requestBody ? { request: exchange.requestBody.slice(0, 300) } : {}),
      body: exchange.body.slice(0, 300),
      durationMs: exchange.durationMs,
      ...(exchange.tracedPredictions !== undefined ? { tracedPredictions: exchange.tracedPredictions } : {}),
    },
  };
}
