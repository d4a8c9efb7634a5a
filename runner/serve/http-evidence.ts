import type { PageAnalysis } from '../dashboard/analysis-blocks.js';
import type { Localized } from '../i18n.js';
import type { AppFramework } from './app-command.js';

/** One request the runner made to the team's app, and its answer (body capped). */
export interface HttpExchange {
  /** What the request was for: `page`, `docs`, `openapi`, `health`, `valid`, `missing-field`, `wrong-type`, `varied`, `no-credentials`. */
  purpose: string;
  method: string;
  /** Path and query, relative to the app (`/predict`). */
  path: string;
  /** The body sent (JSON text or form-encoded), capped. */
  requestBody?: string;
  requestType?: 'json' | 'form';
  /** Null when no answer came (connection refused, time-out): see `error`. */
  status: number | null;
  /** A subset: content-type, content-length, location, www-authenticate, server. */
  headers: Record<string, string>;
  /** The body's start (at most 8 KiB), decoded as UTF-8. */
  body: string;
  bodyBytes: number;
  truncated: boolean;
  durationMs: number;
  error?: string;
  /** `predict` calls the tracer saw in the app's process while this request was answered. */
  tracedPredictions?: number;
  /** Epoch ms when the request started and ended, to tie the app's trace events to it. */
  startedAt: number;
  endedAt: number;
}

/** An HTML form of a page: where it posts, and its fields. */
export interface HtmlForm {
  page: string;
  action: string;
  method: string;
  fields: Array<{ name: string; type: string; required: boolean; options?: string[]; value?: string }>;
}

/** A route of the app: from openapi.json (FastAPI), from Flask's url_map (the tracer's `app_start`), or a form. */
export interface AppRoute {
  method: string;
  path: string;
  source: 'openapi' | 'flask-url-map' | 'form';
  /** Body fields (OpenAPI request body, or the form's fields). */
  fields?: string[];
}

/** The field values of the valid request and where each came from. */
export interface BuiltInput {
  values: Record<string, string | number | boolean>;
  /** field → `trace:fit` (the training data's range), `openapi:example`, `openapi:default`, `form:option`, `guess`. */
  sources: Record<string, string>;
}

/** The route the runner judged to be the prediction route, and why. */
export interface PredictionRoute {
  method: string;
  path: string;
  kind: 'json' | 'form';
  /** The route's fields matched with the columns the traced fit saw (names compared case- and accent-folded). */
  matched: string[];
  /** Features of the fit the route does not ask for. */
  unmatched: string[];
  fields: string[];
  input: BuiltInput;
  /** The route answered 401/403 without credentials and the README gave none that worked. */
  protected?: boolean;
  /** The README's demo account, when one was found and used (password never recorded). */
  credentials?: { user: string; source: string };
}

/** An HTML page of the app read as a dashboard (runner/dashboard): its charts and what describes them. */
export interface DashboardPage {
  /** Absolute URL reachable from the host, and the path it was asked by. */
  url: string;
  path: string;
  /** The page's size; past 2 MiB only the start was read (`truncated`). */
  bytes: number;
  truncated: boolean;
  /** An empty shell that scripts draw (Streamlit, Dash): its analyses are read from the app's source instead. */
  scriptRendered: boolean;
  analyses: PageAnalysis[];
}

/** What the tracer saw in the app's process. */
export interface AppTraceFacts {
  /** `predict` events (method, estimator, epoch ms) in the app's process. */
  predictions: Array<{ method: string; estimator: string; at: number }>;
  /** The estimator classes the pipeline's traced fits produced (the served model should be one of them). */
  fittedEstimators: string[];
  /** The address and framework `app_start` recorded. */
  appStart?: { framework: string; host?: string; port?: number };
  events: number;
  problems: string[];
}

/**
 * The `http` evidence: the app the runner started and exercised (runner/serve), or why it could not.
 * Checks read it; they never start a process.
 */
export interface HttpEvidence {
  /** `served`: it answered; `not-found`: no app in the repository; `failed`: it did not start or answer;
   * `not-asked`: the scenario has no serve step. */
  state: 'served' | 'not-found' | 'failed' | 'not-asked';
  /** The scenario's serve step asked for it. */
  required: boolean;
  framework?: AppFramework;
  command?: string[];
  cwd?: string;
  /** The file the command serves (`app.py`, `src/api/main.py`), relative to the workspace, when known. */
  entry?: string;
  /** Where the app was found (`README.md:14`) or `scenario` when the scenario gave the command. */
  reason?: string;
  /** The URL the runner reached it at (host side). */
  baseUrl?: string;
  /** Time from start to the first HTTP answer. */
  readyMs?: number;
  /** Whose fault a failed start is, with the cause (runner/failure's words). */
  failure?: { owner: 'candidate' | 'environment' | 'grader'; cause: string; message: Localized; package?: string };
  exit?: { exitCode: number | null; signal: string | null; stoppedFor?: string; durationMs: number };
  /** The app's output, capped (head and tail kept). */
  logs?: { stdout: string; stderr: string; truncated: boolean };
  exchanges: HttpExchange[];
  /** HTML pages fetched (absolute URLs reachable from the host). */
  htmlPages: string[];
  forms: HtmlForm[];
  /** Each HTML page read whole as a dashboard (absent in evidence kept before this reading existed). */
  dashboardPages?: DashboardPage[];
  routes: AppRoute[];
  /** Where `routes` came from: `openapi` (FastAPI), `tracer` (Flask url_map seen by the tracer), `forms` only. */
  routesFrom: Array<'openapi' | 'tracer' | 'forms'>;
  /** The features the traced fit saw (names), when a fit was traced. */
  features: string[];
  prediction?: PredictionRoute;
  trace?: AppTraceFacts;
  /** Files the app wrote that look like logs (`logs/app.log`), with their size. */
  logFiles: Array<{ path: string; bytes: number; sample: string }>;
  notes: Localized[];
}
