import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { exchangeEvidence, NOT_SERVED, notServed } from './support/served.js';

/** What the servers print themselves (start-up, access log): not the team's monitoring. */
const SERVER_LINES = [
  /"(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP\/[\d.]+"/,
  /Started server process|Waiting for application|Application (startup|shutdown) complete|Uvicorn running on|Shutting down|Finished server process/,
  /^\s*\* (Serving Flask app|Debug mode|Running on|Restarting|Debugger)/,
  /Press CTRL\+C|This is a development server|Use a production WSGI server/,
  /^\[mspr-lab\]/,
];
const ABOUT_REQUESTS = /predi|request|requ[eê]te|inf[eé]rence|appel|score|estim/i;

export default defineCheck({
  meta: {
    id: 'http/monitoring',
    title: { fr: 'L’application est supervisée (santé, métriques ou journal)', en: 'The app is monitored (health, metrics or log)' },
    criteria: ['dev-ia-ds:A1.3 C4', 'cdp-ia-aivancity:C4.4'],
    evidence: ['http'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NOT_SERVED,
      health: { fr: 'Route de supervision : {list} répond en 2xx.', en: 'Monitoring route: {list} answers 2xx.' },
      logged: { fr: 'Les requêtes sont journalisées par l’application ({count} {count|ligne|lignes}, par ex. « {line} »).', en: 'The app logs its requests ({count} {count|line|lines}, e.g. "{line}").' },
      logFile: { fr: 'L’application écrit un journal : {list}.', en: 'The app writes a log: {list}.' },
      none: {
        fr: 'Aucune supervision observée : aucune route de santé ou de métriques ne répond ({tried}) et l’application ne journalise pas ses prédictions (hors journal d’accès du serveur). Attendu : une route /health ou /metrics, ou un journal des requêtes et prédictions (module logging).',
        en: 'No monitoring observed: no health or metrics route answers ({tried}) and the app does not log its predictions (apart from the server’s access log). Expected: a /health or /metrics route, or a log of requests and predictions (logging module).',
      },
    },
  },
  run({ http }) {
    const blocked = notServed(http);
    if (blocked || !http) return blocked ?? { status: 'skip', message: 'notAsked' };
    const probes = http.exchanges.filter((e) => e.purpose === 'health');
    const healthy = probes.filter((e) => e.status !== null && e.status >= 200 && e.status < 300);
    if (healthy.length > 0) return { status: 'pass', message: 'health', params: { list: healthy.map((e) => e.path).join(', ') }, evidence: healthy.map((e) => exchangeEvidence(e, '2xx')) };
    const lines = `${http.logs?.stdout ?? ''}\n${http.logs?.stderr ?? ''}`.split('\n').map((line) => line.trim());
    const values = Object.values(http.prediction?.input.values ?? {}).map(String).filter((v) => v.length >= 2);
    const logged = lines.filter((line) => line && !SERVER_LINES.some((re) => re.test(line)) && !line.startsWith('Traceback') && (ABOUT_REQUESTS.test(line) || values.some((v) => line.includes(v))));
    if (logged.length > 0) return { status: 'pass', message: 'logged', params: { count: logged.length, line: logged[0]!.slice(0, 120) }, evidence: [{ kind: 'http', subject: 'app logs', expected: 'request log', actual: logged.length, data: { lines: logged.slice(0, 5) } }] };
    const files = http.logFiles.filter((file) => file.bytes > 0);
    if (files.length > 0) return { status: 'pass', message: 'logFile', params: { list: files.map((f) => f.path).join(', ') }, evidence: files.map((f) => ({ kind: 'http', subject: f.path, expected: 'log file', actual: f.bytes, data: { sample: f.sample.slice(-300) } }) satisfies Evidence) };
    return { status: 'fail', message: 'none', params: { tried: probes.map((e) => `${e.path} ${e.status ?? e.error}`).join(', ') || '—' }, evidence: [...probes.map((e) => exchangeEvidence(e, '2xx')), { kind: 'http', subject: 'app logs', expected: 'request log', actual: 0 }] };
  },
});
