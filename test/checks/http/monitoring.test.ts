import check from '../../../checks/http/monitoring.js';
import { testCheck } from '../../../checks/tester.js';
import { ex, notServed, predictRoute, served } from './http-builder.js';

const probes = () => [ex('health', 'GET', '/health', 404), ex('health', 'GET', '/metrics', 404)];
const accessLog = 'INFO:     127.0.0.1:40112 - "POST /predict HTTP/1.1" 200 OK\nINFO:     Application startup complete.\n';

testCheck(check, {
  valid: [
    { name: 'a health route', evidence: served({ exchanges: [ex('health', 'GET', '/health', 200, '{"statut":"ok"}')] }), expect: { status: 'pass', message: 'health', includes: ['/health'], evidence: [{ subject: 'GET /health', actual: 200 }] } },
    {
      name: 'predictions logged with the logging module',
      evidence: served({ exchanges: probes(), prediction: predictRoute, logs: { stdout: '', stderr: `${accessLog}INFO:api.prix:prediction surface=80 prix=250100\n`, truncated: false } }),
      expect: { status: 'pass', message: 'logged', includes: ['INFO:api.prix:prediction'], evidence: [{ subject: 'app logs', actual: 1 }] },
    },
    {
      name: 'a log file written while up',
      evidence: served({ exchanges: probes(), logFiles: [{ path: 'logs/api.log', bytes: 120, sample: '2026-12-02 prédiction 250100' }] }),
      expect: { status: 'pass', message: 'logFile', includes: ['logs/api.log'], evidence: [{ subject: 'logs/api.log', actual: 120 }] },
    },
  ],
  invalid: [
    {
      name: 'only the server’s access log',
      evidence: served({ exchanges: probes(), prediction: predictRoute, logs: { stdout: '', stderr: accessLog, truncated: false } }),
      expect: { status: 'fail', message: 'none', includes: ['/health 404'], evidence: [{ subject: 'GET /health', actual: 404 }, { subject: 'app logs', actual: 0 }] },
    },
    { name: 'no app', evidence: notServed.notFound, expect: { status: 'fail', message: 'notFound' } },
    { name: 'crashed', evidence: notServed.crashed, expect: { status: 'fail', message: 'crashed' } },
    { name: 'environment', evidence: notServed.environment, expect: { status: 'error', message: 'environment' } },
    { name: 'not asked', evidence: notServed.notAsked, expect: { status: 'skip', message: 'notAsked' } },
  ],
});
