import { blockedText, blockOf } from '../../runner/failure/blocked-verdict.js';
import { joinLocalized, t } from '../../runner/i18n.js';
import type { OwnTestSuite } from '../../runner/own-tests/own-tests-record.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';

interface Options {
  /** At most this many failing tests are named in the message (all are in the evidence, up to 20 per suite). */
  maxNamed: number;
}

/** One evidence item per suite: what ran, how many tests, and the tests that did not pass with their message. */
function suiteEvidence(suite: OwnTestSuite): Evidence {
  const counts = suite.counts;
  return {
    kind: 'step',
    subject: suite.path,
    location: { file: suite.files[0] ?? suite.path },
    expected: 'all tests pass',
    actual: counts && (suite.status === 'passed' || suite.status === 'failed') ? `${counts.tests - counts.failures - counts.errors - counts.skipped}/${counts.tests} passed` : suite.status,
    data: {
      status: suite.status,
      files: suite.files,
      ...(counts ? { tests: counts.tests, failures: counts.failures, errors: counts.errors, skipped: counts.skipped } : {}),
      ...(suite.failing.length > 0 ? { failing: suite.failing.map((test) => ({ name: test.name, kind: test.kind, message: test.message })) } : {}),
      exitCode: suite.exitCode,
      durationMs: suite.durationMs,
      ...(suite.failure ? { owner: suite.failure.owner, cause: suite.failure.cause, ...(suite.failure.package ? { package: suite.failure.package } : {}) } : {}),
    },
    ...(suite.failure && suite.failure.owner !== 'candidate' ? { note: suite.failure.message } : {}),
  };
}

export default defineCheck({
  meta: {
    id: 'tests/candidate-tests',
    title: { fr: 'Les tests de l’équipe existent et passent', en: 'The team’s own tests exist and pass' },
    criteria: ['dev-ia-ds:A1.3 C3'],
    evidence: ['step'],
    options: { type: 'object', additionalProperties: false, properties: { maxNamed: { type: 'integer', minimum: 1, default: 5 } } },
    messages: {
      pass: {
        fr: 'Les tests de l’équipe passent : {passed} {passed|test réussi|tests réussis} sur {tests} ({skipped} {skipped|ignoré|ignorés}), dans {suites} {suites|suite|suites} : {list}.',
        en: 'The team’s tests pass: {passed} of {tests} {tests|test|tests} passed ({skipped} skipped), in {suites} {suites|suite|suites}: {list}.',
      },
      fail: {
        fr: '{failed} {failed|test|tests} sur {tests} en échec : {names}. Attendu : chaque test de l’équipe passe. Corrigez le code ou le test (le message de chaque échec est dans les preuves), puis relancez « python -m pytest ».',
        en: '{failed} of {tests} {tests|test|tests} failed: {names}. Expected: every test of the team passes. Fix the code or the test (each failure’s message is in the evidence), then run `python -m pytest` again.',
      },
      timeout: {
        fr: 'La suite {list} n’a pas fini dans le délai ({seconds} s). Attendu : des tests qui se terminent. Cherchez un test qui attend un réseau, une saisie ou une boucle sans fin.',
        en: 'The suite {list} did not finish within the time limit ({seconds} s). Expected: tests that end. Look for a test waiting on the network, on input or in an endless loop.',
      },
      none: {
        fr: 'Aucun test de l’équipe trouvé (fichiers test_*.py ou *_test.py qui définissent des tests). Attendu : un plan de tests exécuté, en pytest ou unittest (dev-ia-ds A1.3 C3). Ajoutez un dossier tests/ avec, par exemple, tests/test_pipeline.py.',
        en: 'No test of the team was found (test_*.py or *_test.py files defining tests). Expected: a test plan that runs, with pytest or unittest (dev-ia-ds A1.3 C3). Add a tests/ folder with, for instance, tests/test_pipeline.py.',
      },
      empty: {
        fr: 'Les fichiers de test ({list}) ne contiennent aucun test que pytest collecte. Attendu : des fonctions test_… ou des classes TestCase. Vérifiez leurs noms.',
        en: 'The test files ({list}) hold no test pytest collects. Expected: test_… functions or TestCase classes. Check their names.',
      },
      notRun: {
        fr: 'Non évaluable : les tests de l’équipe n’ont pas pu être lancés ({list}) : {reason}',
        en: 'Could not be judged: the team’s tests could not be run ({list}): {reason}',
      },
      broken: {
        fr: 'Les tests de {list} n’ont pas pu s’exécuter à cause du code de l’équipe : {reason} Attendu : des tests que « python -m pytest » lance depuis la racine du dépôt.',
        en: 'The tests of {list} could not run because of the team’s code: {reason} Expected: tests that `python -m pytest` runs from the repository’s root.',
      },
      notRan: {
        fr: 'Les tests de l’équipe n’ont pas été lancés par cette exécution (une re-correction ne les relance pas). Lancez « mspr-lab check » pour les exécuter.',
        en: 'This run did not run the team’s tests (a regrade does not run them again). Run `mspr-lab check` to run them.',
      },
    },
  },
  run({ ownTests, options }: CheckContext<Options>) {
    if (!ownTests) return { status: 'skip', message: 'notRan' };
    const { suites } = ownTests;
    if (suites.length === 0) return { status: 'fail', message: 'none', evidence: [{ kind: 'step', subject: 'tests', expected: 'test_*.py', actual: 0, ...(ownTests.mentions.length > 0 ? { data: { mentionedIn: ownTests.mentions } } : {}) }] };
    const evidence = suites.map(suiteEvidence);
    const list = suites.map((suite) => suite.path).join(', ');
    // A suite that could not run (its collection error is the environment's) has no failing test of the team's.
    const ran = suites.filter((suite) => suite.status !== 'not-run');
    const total = (key: 'tests' | 'failures' | 'errors' | 'skipped') => ran.reduce((sum, suite) => sum + (suite.counts?.[key] ?? 0), 0);
    const tests = total('tests');
    const failed = total('failures') + total('errors');
    // The team's failures come first: a failing test is a fail whatever another suite's environment.
    if (failed > 0) {
      // Names only: a test's message is the team's prose (in the evidence, with each test).
      const names = ran.flatMap((suite) => suite.failing.map((test) => test.name));
      const shown = names.slice(0, options.maxNamed).join('; ') + (names.length > options.maxNamed ? ` (+${names.length - options.maxNamed})` : '');
      return { status: 'fail', score: Math.max(0, (tests - failed) / Math.max(tests, 1)), message: 'fail', params: { failed, tests, names: shown }, evidence };
    }
    const timedOut = suites.filter((suite) => suite.status === 'timeout');
    if (timedOut.length > 0) return { status: 'fail', message: 'timeout', params: { list: timedOut.map((suite) => suite.path).join(', '), seconds: Math.round(Math.max(...timedOut.map((suite) => suite.durationMs)) / 1000) }, evidence };
    const notRun = suites.filter((suite) => suite.status === 'not-run');
    if (notRun.length > 0) {
      const blocked = notRun.map((suite) => ({ step: suite.path, failure: suite.failure! })).filter((item) => item.failure);
      const candidate = blocked.filter((item) => item.failure.owner === 'candidate');
      const reason = candidate.length > 0 ? joinLocalized(candidate.map((item) => item.failure.message), ' ') : blockedText(blocked);
      if (candidate.length > 0) return { status: 'fail', message: 'broken', params: { list: notRun.map((suite) => suite.path).join(', '), reason }, evidence };
      return { status: 'error', score: 0, message: 'notRun', params: { list: notRun.map((suite) => suite.path).join(', '), reason }, evidence, blockedBy: blockOf(blocked) };
    }
    if (tests === 0) return { status: 'fail', message: 'empty', params: { list: suites.flatMap((suite) => suite.files).join(', ') }, evidence };
    const stopped = suites.filter((suite) => suite.status === 'failed');
    if (stopped.length > 0) {
      const reason = joinLocalized(stopped.map((suite) => t(`pytest a fini avec le code ${suite.exitCode ?? '?'} sans test en échec.`, `pytest ended with exit code ${suite.exitCode ?? '?'} and no failing test.`)), ' ');
      return { status: 'fail', message: 'broken', params: { list: stopped.map((suite) => suite.path).join(', '), reason }, evidence };
    }
    return { status: 'pass', message: 'pass', params: { passed: tests - total('skipped'), tests, skipped: total('skipped'), suites: suites.length, list }, evidence };
  },
});

