import type { StepFailure } from '../failure/step-failure.js';

/** How many test cases a suite's JUnit XML holds, by outcome (counted from its `<testcase>` elements). */
export interface TestCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** One test that did not pass: `tests/test_pipeline.py::test_rows_loaded`, with pytest's message (capped). */
export interface FailingTest {
  name: string;
  kind: 'failure' | 'error';
  message: string;
}

/** One suite of the team's own tests (a `tests/` folder, or test files beside the code), as it ran. */
export interface OwnTestSuite {
  /** The folder (or file) given to pytest, relative to the workspace. */
  path: string;
  /** The test files it holds. */
  files: string[];
  /**
   * `passed`/`failed`: pytest ran and its JUnit XML was read; `timeout`: stopped at the time limit; `not-run`:
   * it could not run (pytest missing, a collection error from a package this machine lacks, no report written).
   */
  status: 'passed' | 'failed' | 'timeout' | 'not-run';
  counts?: TestCounts;
  /** At most 20, in the order of the report. */
  failing: FailingTest[];
  exitCode: number | null;
  durationMs: number;
  /** Why it could not run, or why its tests erred at collection, and whose that is (runner/failure). */
  failure?: StepFailure;
  /** The end of pytest's output, for the jury (capped). */
  outputTail?: string;
}

/** The team's own tests: the suites found in the repository and how each ran (`CheckEvidence.ownTests`). */
export interface OwnTestsRecord {
  suites: OwnTestSuite[];
  /** Where the run plan saw test commands it left out of the pipeline (`README.md:14`), for the evidence. */
  mentions: string[];
}
