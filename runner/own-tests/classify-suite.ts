import { classifyImport } from '../failure/classify-import.js';
import type { FailureContext } from '../failure/failure-context.js';
import { parsePythonError } from '../failure/python-error.js';
import type { StepFailure } from '../failure/step-failure.js';
import { t } from '../i18n.js';
import type { ExecResult } from '../sandbox/sandbox.js';
import type { FoundSuite } from './find-suites.js';
import type { OwnTestSuite } from './own-tests-record.js';
import type { JunitSummary } from './read-junit.js';

const TAIL = 2000;

/**
 * How one suite ended, from pytest's exit code and its JUnit XML: passed, failed, timeout, or not run — and when
 * it could not run or its files could not be collected, whose that is (a package this machine lacks is the
 * environment's, as for the steps: runner/failure).
 */
export function classifySuite(suite: FoundSuite, result: ExecResult, junit: JunitSummary | undefined, context: FailureContext): OwnTestSuite {
  const base = { path: suite.path, files: suite.files, exitCode: result.exitCode, durationMs: result.durationMs, failing: junit?.failing ?? [], outputTail: tail(`${result.stdout.text}\n${result.stderr.text}`) };
  if (result.timedOut) return { ...base, status: 'timeout', ...(junit ? { counts: junit.counts } : {}) };
  if (/No module named '?pytest'?/.test(result.stderr.text) && !junit) return { ...base, status: 'not-run', failure: PYTEST_MISSING };
  if (!junit) {
    const failure = importFailure(result.stderr.text, context);
    return { ...base, status: 'not-run', ...(failure ? { failure } : { failure: noReport(result) }) };
  }
  // A collection error (exit code 2) of an import this machine cannot satisfy: the tests could not be run here.
  for (const text of junit.collectionErrors) {
    const failure = importFailure(text, context);
    if (failure && failure.owner !== 'candidate') return { ...base, status: 'not-run', counts: junit.counts, failure };
  }
  const bad = junit.counts.failures + junit.counts.errors;
  return { ...base, status: bad > 0 || (result.exitCode !== 0 && result.exitCode !== 5) ? 'failed' : 'passed', counts: junit.counts };
}

function importFailure(text: string, context: FailureContext): StepFailure | undefined {
  // pytest prefixes the exception line of a collection error with `E   `.
  const error = parsePythonError(text.replace(/^E {1,8}/gm, ''));
  return error ? classifyImport(error, context, { exception: `${error.exception.type}: ${error.exception.message}` }) : undefined;
}

const PYTEST_MISSING: StepFailure = {
  owner: 'environment',
  cause: 'missing-package',
  package: 'pytest',
  module: 'pytest',
  message: t('pytest n’est pas installé dans l’environnement d’exécution : les tests de l’équipe n’ont pas pu être lancés.', 'pytest is not installed in the run’s environment: the team’s tests could not be run.'),
  hint: t('Installez pytest sur la machine de correction (python3-pytest de Debian, ou dans l’image), ou déclarez-le dans requirements.txt.', 'Install pytest on the grading machine (Debian’s python3-pytest, or in the image), or declare it in requirements.txt.'),
};

function noReport(result: ExecResult): StepFailure {
  return {
    owner: 'grader',
    cause: 'exit-code',
    message: t(`pytest s’est arrêté (code ${result.exitCode ?? result.signal ?? '?'}) sans écrire de rapport JUnit lisible.`, `pytest stopped (exit code ${result.exitCode ?? result.signal ?? '?'}) without writing a readable JUnit report.`),
    hint: t('Relancez les tests à la main (python -m pytest) pour voir la sortie complète ; la fin de la sortie est dans les preuves.', 'Run the tests by hand (python -m pytest) to see the whole output; its end is in the evidence.'),
  };
}

function tail(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > TAIL ? `…${trimmed.slice(-TAIL)}` : trimmed;
}
