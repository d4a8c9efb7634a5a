import check from '../../../checks/http/prediction-route.js';
import { testCheck } from '../../../checks/tester.js';
import { ex, notServed, predictRoute, served } from './http-builder.js';

const valid = () => ex('valid', 'POST', '/predict', 200, '{"prix":250100.5}', { tracedPredictions: 1 });
const varied = (body: string, traced = 1) => ex('varied', 'POST', '/predict', 200, body, { tracedPredictions: traced });
const trace = (at: number) => ({ predictions: [{ method: 'predict', estimator: 'LinearRegression', at }], fittedEstimators: ['LinearRegression'], events: 3, problems: [] });

function api(exchanges: ReturnType<typeof ex>[], route: typeof predictRoute | null = predictRoute, more = {}) {
  const first = exchanges.find((e) => e.purpose === 'valid');
  return served({ exchanges, ...(route ? { prediction: route } : {}), ...(first ? { trace: trace(first.startedAt + 5) } : {}), ...more });
}

testCheck(check, {
  valid: [
    {
      name: 'predicts, varies with the input, refuses invalid inputs with 422',
      evidence: () => api([valid(), varied('{"prix":90000}'), varied('{"prix":460000}'), ex('missing-field', 'POST', '/predict', 422, '{"detail":"field required"}'), ex('wrong-type', 'POST', '/predict', 422, '{"detail":"not a float"}')]),
      expect: { status: 'pass', message: 'pass', includes: ['LinearRegression', 'missing-field → 422'], evidence: [{ subject: 'POST /predict', actual: 2 }, { subject: 'POST /predict', actual: 200, expected: '2xx + predict' }] },
    },
    {
      name: 'a form that shows its page again with the error (200, no prediction)',
      evidence: () => api([valid(), varied('a'), varied('b'), ex('missing-field', 'POST', '/', 200, '<p role=alert>', { tracedPredictions: 0 })], { ...predictRoute, kind: 'form', path: '/' } as never),
      expect: { status: 'pass', message: 'pass', includes: ['missing-field → 200'] },
    },
  ],
  invalid: [
    {
      name: 'a 500 on a missing field',
      evidence: () => api([valid(), varied('{"prix":1}'), varied('{"prix":2}'), ex('missing-field', 'POST', '/predict', 500, 'Internal Server Error'), ex('wrong-type', 'POST', '/predict', 500, 'Internal Server Error')]),
      expect: { status: 'fail', message: 'invalidCrash', includes: ['missing-field → 500'], evidence: [{ subject: 'POST /predict', expected: '4xx', actual: 500 }] },
    },
    {
      name: 'the same answer whatever the input',
      evidence: () => api([valid(), varied('{"prix":250100.5}', 0), varied('{"prix":250100.5}', 0), varied('{"prix":250100.5}', 0)]),
      expect: { status: 'fail', message: 'constant', includes: ['4 different inputs'], evidence: [{ subject: 'POST /predict', expected: 'another answer', actual: 200 }] },
    },
    {
      name: 'an answer without the model',
      evidence: () => api([ex('valid', 'POST', '/predict', 200, '{"prix":3}', { tracedPredictions: 0 }), varied('{"prix":4}', 0), varied('{"prix":5}', 0)]),
      expect: { status: 'fail', message: 'notPredicted', includes: ['no predict call'] },
    },
    {
      name: 'a prediction on a wrong type (JSON API answering 200)',
      evidence: () => api([valid(), varied('x'), varied('y'), ex('wrong-type', 'POST', '/predict', 200, '{"prix":1}')]),
      expect: { status: 'fail', message: 'invalidAccepted', includes: ['wrong-type → 200'] },
    },
    {
      name: 'the valid input refused',
      evidence: () => api([ex('valid', 'POST', '/predict', 400, '{"detail":"?"}')]),
      expect: { status: 'fail', message: 'validRefused', includes: ['surface=80'] },
    },
    {
      name: 'no route takes the features',
      evidence: () => api([], null, { routes: [{ method: 'GET', path: '/health', source: 'openapi' }] }),
      expect: { status: 'fail', message: 'noRoute', includes: ['surface, pieces'], evidence: [{ subject: 'routes', actual: 'none' }] },
    },
    {
      name: 'protected, no demo account',
      evidence: () => api([ex('no-credentials', 'POST', '/predict', 401, '{"detail":"Not authenticated"}')], { ...predictRoute, protected: true } as never),
      expect: { status: 'warn', message: 'protected', includes: ['401'] },
    },
    { name: 'no app in the repository', evidence: notServed.notFound, expect: { status: 'fail', message: 'notFound' } },
    { name: 'the app crashed', evidence: notServed.crashed, expect: { status: 'fail', message: 'crashed' } },
    { name: 'the environment lacks a package', evidence: notServed.environment, expect: { status: 'error', message: 'environment' } },
    { name: 'nothing to serve', evidence: notServed.notAsked, expect: { status: 'skip', message: 'notAsked' } },
  ],
});
