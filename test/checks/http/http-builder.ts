import type { HttpEvidence, HttpExchange } from '../../../runner/serve/http-evidence.js';

/**
 * `http` evidence for the table tests of the `http/*` checks, shaped as the serve stage writes it
 * (runner/serve/serve-app.ts); the real stage is exercised end to end in test/serve/serve-cli.test.ts.
 */
export function served(overrides: Partial<HttpEvidence> = {}): { http: HttpEvidence } {
  return {
    http: {
      state: 'served',
      required: true,
      framework: 'fastapi',
      command: ['python', '-m', 'uvicorn', 'src.api.main:app', '--host', '127.0.0.1', '--port', '8000'],
      cwd: '.',
      reason: 'README.md:17',
      baseUrl: 'http://127.0.0.1:8000',
      readyMs: 900,
      exchanges: [],
      htmlPages: [],
      forms: [],
      routes: [],
      routesFrom: [],
      features: ['surface', 'pieces'],
      logFiles: [],
      notes: [],
      logs: { stdout: '', stderr: '', truncated: false },
      ...overrides,
    },
  };
}

let clock = 1_000;

export function ex(purpose: string, method: string, path: string, status: number | null, body = '', more: Partial<HttpExchange> = {}): HttpExchange {
  clock += 100;
  return { purpose, method, path, status, headers: { 'content-type': 'application/json' }, body, bodyBytes: body.length, truncated: false, durationMs: 12, startedAt: clock, endedAt: clock + 12, ...more };
}

/** The prediction route of a JSON API taking `surface` and `pieces`. */
export const predictRoute = {
  method: 'POST',
  path: '/predict',
  kind: 'json' as const,
  matched: ['surface', 'pieces'],
  unmatched: [],
  fields: ['surface', 'pieces'],
  input: { values: { surface: 80, pieces: 3 }, sources: { surface: 'trace:fit', pieces: 'trace:fit' } },
};

export const notServed = {
  notAsked: { http: { ...served().http, state: 'not-asked' as const, required: false } },
  notFound: { http: { ...served().http, state: 'not-found' as const } },
  crashed: {
    http: {
      ...served().http,
      state: 'failed' as const,
      readyMs: undefined,
      failure: { owner: 'candidate' as const, cause: 'exception', message: { fr: 'une exception à l’import : FileNotFoundError', en: 'an exception at import: FileNotFoundError' } },
      logs: { stdout: '', stderr: "FileNotFoundError: [Errno 2] No such file or directory: 'models/modele.joblib'\n", truncated: false },
    },
  },
  environment: {
    http: {
      ...served().http,
      state: 'failed' as const,
      failure: { owner: 'environment' as const, cause: 'missing-package', package: 'fastapi', message: { fr: 'le paquet fastapi n’est pas installable ici', en: 'the package fastapi cannot be installed here' } },
    },
  },
};
