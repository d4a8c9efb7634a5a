import check from '../../../checks/http/app-answers.js';
import { testCheck } from '../../../checks/tester.js';
import { ex, notServed, served } from './http-builder.js';

testCheck(check, {
  valid: [
    {
      name: 'an API whose / is 404 but /docs and /health answer',
      evidence: served({ exchanges: [ex('page', 'GET', '/', 404), ex('docs', 'GET', '/docs', 200, '<html>'), ex('health', 'GET', '/health', 200, '{"ok":1}')] }),
      expect: { status: 'pass', message: 'pass', includes: ['/docs, /health', '900 ms'], evidence: [{ subject: 'app', actual: 'served' }, { subject: 'GET /docs', actual: 200 }] },
    },
  ],
  invalid: [
    {
      name: 'a linked page crashes',
      evidence: served({ exchanges: [ex('page', 'GET', '/', 200, '<html>'), ex('page', 'GET', '/resultats', 500, 'Internal Server Error')] }),
      expect: { status: 'fail', message: 'serverError', includes: ['/resultats (500)'], evidence: [{ subject: 'GET /resultats', actual: 500 }] },
    },
    {
      name: 'it listens but nothing answers 2xx',
      evidence: served({ exchanges: [ex('page', 'GET', '/', 404), ex('docs', 'GET', '/docs', 404)] }),
      expect: { status: 'fail', message: 'noPage', includes: ['/ (404)', '/docs (404)'] },
    },
    { name: 'no app in the repository', evidence: notServed.notFound, expect: { status: 'fail', message: 'notFound', evidence: [{ subject: 'app', actual: 'not-found' }] } },
    { name: 'the app crashed at import', evidence: notServed.crashed, expect: { status: 'fail', message: 'crashed', includes: ['FileNotFoundError'], evidence: [{ subject: 'app', actual: 'failed' }] } },
    { name: 'a package this machine lacks', evidence: notServed.environment, expect: { status: 'error', message: 'environment', includes: ['fastapi'] } },
    { name: 'the scenario serves nothing', evidence: notServed.notAsked, expect: { status: 'skip', message: 'notAsked' } },
  ],
});
