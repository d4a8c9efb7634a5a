import { htmlAnalyses } from '../dashboard/html-analyses.js';
import { t } from '../i18n.js';
import { type BodyRoute, openapiRoutes } from './app-routes.js';
import type { DemoAccount } from './demo-account.js';
import { readPage } from './html-page.js';
import { exchange, exchangePage, jsonOf, type RequestSpec } from './http-client.js';
import type { AppRoute, HttpEvidence, HttpExchange, PredictionRoute } from './http-evidence.js';
import { buildInput, choosePredictionRoute, formCandidate, invalidInputs, type RouteCandidate, type Variant } from './prediction-request.js';
import type { TrainingFeatures } from './training-features.js';

/** What exercising the app needs: where it is, what the model was trained on, what the README offers. */
export interface ExerciseInput {
  baseUrl: string;
  features: TrainingFeatures;
  /** Flask's routes as the tracer saw them in the app's process (`app_start`), read once the app answers. */
  flaskRoutes: () => AppRoute[];
  account?: DemoAccount;
  /** Called once the pages are fetched, while the app is still up (the accessibility audit plugs in here). */
  whileUp?: (app: { baseUrl: string; htmlPages: string[] }) => Promise<void>;
}

export type ExerciseResult = Pick<HttpEvidence, 'exchanges' | 'htmlPages' | 'dashboardPages' | 'forms' | 'routes' | 'routesFrom' | 'prediction' | 'notes'>;

const MAX_PAGES = 8;
const HEALTH_PATHS = ['/health', '/healthz', '/status', '/ping', '/metrics', '/api/health'];
const HEALTH_NAME = /health|metric|status|monitor|ping/i;
const DOC_PAGES = new Set(['/docs', '/redoc', '/openapi.json']);

/**
 * Exercises the team's app the way a jury would: its pages and their links, its API description, a health
 * route, then the prediction route with one valid input (and three others, to see the answer follow the
 * input) and invalid ones. Every request is recorded; nothing here judges.
 */
export async function exerciseApp(input: ExerciseInput): Promise<ExerciseResult> {
  const exchanges: HttpExchange[] = [];
  const send = async (spec: RequestSpec) => {
    const done = await exchange(input.baseUrl, spec);
    exchanges.push(done);
    return done;
  };
  const result: ExerciseResult = { exchanges, htmlPages: [], dashboardPages: [], forms: [], routes: [], routesFrom: [], notes: [] };

  // Pages: `/` and the same-origin pages it links to.
  const queue = ['/'];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < MAX_PAGES) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    // Read whole (up to 2 MiB): a dashboard's charts are often base64 images far past the evidence's cap.
    const { exchange: page, text } = await exchangePage(input.baseUrl, { purpose: 'page', path });
    exchanges.push(page);
    if (page.status === null || page.status >= 400 || !/html/.test(page.headers['content-type'] ?? '')) continue;
    const url = new URL(path, input.baseUrl).href;
    result.htmlPages.push(url);
    const dashboard = htmlAnalyses(text);
    result.dashboardPages!.push({ url, path, bytes: page.bodyBytes, truncated: Buffer.byteLength(text) < page.bodyBytes, ...dashboard });
    const facts = readPage(text, path);
    result.forms.push(...facts.forms);
    for (const href of facts.links) {
      const local = sameOrigin(href, path, input.baseUrl);
      if (local && !seen.has(local) && !DOC_PAGES.has(local)) queue.push(local);
    }
  }

  await send({ purpose: 'docs', path: '/docs' });
  const openapi = await send({ purpose: 'openapi', path: '/openapi.json' });
  const described = openapi.status === 200 ? openapiRoutes(jsonOf(openapi)) : { routes: [], bodies: [] as BodyRoute[] };
  if (described.routes.length > 0) {
    result.routes.push(...described.routes);
    result.routesFrom.push('openapi');
  }
  const flask = input.flaskRoutes();
  if (flask.length > 0) {
    result.routes.push(...flask);
    result.routesFrom.push('tracer');
  }
  if (result.forms.length > 0) result.routesFrom.push('forms');

  // Monitoring: the usual health paths, and any GET route named so.
  const health = new Set(HEALTH_PATHS);
  for (const route of result.routes) if (route.method === 'GET' && HEALTH_NAME.test(route.path) && !route.path.includes('{') && !route.path.includes('<')) health.add(route.path);
  for (const path of health) await send({ purpose: 'health', path });

  if (input.whileUp) await input.whileUp({ baseUrl: input.baseUrl, htmlPages: [...result.htmlPages] });

  const candidates: RouteCandidate[] = [
    ...described.bodies.map((body) => ({ method: body.method, path: body.path, kind: body.kind, fields: body.schema, source: 'openapi' as const })),
    ...result.forms.map((form) => formCandidate(form, sameOrigin(form.action || form.page, form.page, input.baseUrl) ?? form.page)),
  ];
  // Flask routes (and an API taking a bare `dict`) say nothing of their fields: a POST route is tried with the
  // features as JSON fields.
  if (input.features.names.length > 0 && !candidates.some((c) => c.source === 'form')) {
    const untyped = [...flask, ...described.routes.filter((r) => !r.fields)].filter((r) => r.method === 'POST' && !r.path.includes('<') && !r.path.includes('{'));
    for (const route of untyped) candidates.push({ method: 'POST', path: route.path, kind: 'json', fields: featureFields(input.features), source: route.source === 'openapi' ? 'openapi' : 'flask-url-map' });
  }
  const chosen = choosePredictionRoute(candidates, input.features);
  if (!chosen) {
    result.notes.push(t('Aucune route de prédiction trouvée (ni route POST ni formulaire dont les champs sont les variables du modèle).', 'No prediction route found (no POST route or form whose fields are the model’s features).'));
    return result;
  }
  const { route } = chosen;
  const request = (purpose: string, values: Record<string, unknown>, headers?: Record<string, string>): RequestSpec => {
    const body = route.kind === 'json' ? { type: 'json' as const, value: values } : { type: 'form' as const, value: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) };
    // A GET form sends its fields in the query string.
    if (route.method === 'GET') return { purpose, method: 'GET', path: `${route.path}?${new URLSearchParams(body.value as Record<string, string>).toString()}`, headers };
    return { purpose, method: route.method, path: route.path, body, headers };
  };
  const valid = buildInput(route, input.features, 'mid');
  const prediction: PredictionRoute = { method: route.method, path: route.path, kind: route.kind, matched: chosen.matched, unmatched: chosen.unmatched, fields: route.fields.map((f) => f.name), input: valid };
  result.prediction = prediction;
  let headers: Record<string, string> | undefined;
  let first = await send(request('valid', valid.values));
  if (first.status === 401 || first.status === 403) {
    first.purpose = 'no-credentials';
    if (input.account) {
      headers = { authorization: `Basic ${Buffer.from(`${input.account.user}:${input.account.password}`).toString('base64')}` };
      prediction.credentials = { user: input.account.user, source: input.account.source };
      first = await send(request('valid', valid.values, headers));
    }
    if (first.status === 401 || first.status === 403) {
      prediction.protected = true;
      return result;
    }
  }
  const tried = new Set([JSON.stringify(valid.values)]);
  for (const variant of ['low', 'high', 'quarter'] satisfies Variant[]) {
    const other = buildInput(route, input.features, variant);
    if (tried.has(JSON.stringify(other.values))) continue;
    tried.add(JSON.stringify(other.values));
    await send(request('varied', other.values, headers));
  }
  for (const invalid of invalidInputs(route, valid, input.features)) await send(request(invalid.purpose, invalid.values, headers));
  return result;
}

/** The traced fit's features as fields (numbers where the training data was numeric). */
function featureFields(features: TrainingFeatures): RouteCandidate['fields'] {
  return features.names.map((name) => {
    const range = features.ranges[name];
    return { name, required: true, type: range && 'min' in range ? 'number' : 'string' };
  });
}

/** The path of a same-origin link (relative or absolute to this app), without its fragment; undefined otherwise. */
function sameOrigin(href: string, page: string, baseUrl: string): string | undefined {
  if (/^(mailto|tel|javascript|data):/i.test(href) || href.startsWith('#')) return undefined;
  try {
    const base = new URL(baseUrl);
    const url = new URL(href, new URL(page, base));
    if (url.origin !== base.origin) return undefined;
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}
