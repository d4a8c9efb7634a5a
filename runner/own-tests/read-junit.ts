import { XMLParser } from 'fast-xml-parser';
import type { FailingTest, TestCounts } from './own-tests-record.js';

/** What a JUnit XML report says: counts, the tests that did not pass, and the collection errors' text. */
export interface JunitSummary {
  counts: TestCounts;
  failing: FailingTest[];
  /** The text of `<error>` elements of collection failures (pytest's `collection failure`), for the classifier. */
  collectionErrors: string[];
}

const MAX_FAILING = 20;
const MAX_MESSAGE = 300;
const MAX_ERROR_TEXT = 8 * 1024;

/**
 * Reads pytest's `--junitxml` report. The file was written where the team's code could write too, so it is
 * hostile input: fast-xml-parser refuses external entities and does not expand nested ones; counts come from the
 * `<testcase>` elements themselves, never from the suite's attributes; names and messages are capped.
 */
export function readJunit(xml: string): JunitSummary | undefined {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: true,
    htmlEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
  });
  let document: Record<string, unknown>;
  try {
    document = parser.parse(xml) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const root = (document.testsuites ?? document) as Record<string, unknown>;
  const suites = Array.isArray(root.testsuite) ? (root.testsuite as Record<string, unknown>[]) : [];
  if (suites.length === 0) return undefined;
  const counts: TestCounts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const failing: FailingTest[] = [];
  const collectionErrors: string[] = [];
  for (const suite of suites) {
    for (const testcase of array(suite.testcase)) {
      counts.tests++;
      const name = testName(testcase);
      const failure = first(testcase.failure);
      const error = first(testcase.error);
      if (failure || error) {
        const kind = failure ? 'failure' : 'error';
        if (kind === 'failure') counts.failures++;
        else counts.errors++;
        const problem = (failure ?? error)!;
        if (failing.length < MAX_FAILING) failing.push({ name, kind, message: messageOf(problem) });
        if (kind === 'error' && /collection failure|error collecting/i.test(`${problem.message ?? ''}`)) collectionErrors.push(textOf(problem).slice(0, MAX_ERROR_TEXT));
      } else if (first(testcase.skipped)) counts.skipped++;
    }
  }
  return { counts, failing, collectionErrors };
}

type Element = Record<string, unknown>;

function array(value: unknown): Element[] {
  return Array.isArray(value) ? value.filter((item): item is Element => typeof item === 'object' && item !== null) : [];
}

function first(value: unknown): Element | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const item = value[0];
  return typeof item === 'object' && item !== null ? (item as Element) : { '#text': String(item) };
}

/** `tests/test_pipeline.py::test_rows` from pytest's `classname="tests.test_pipeline"`, `name="test_rows"`. */
function testName(testcase: Element): string {
  const name = clean(`${testcase.name ?? ''}`);
  const classname = clean(`${testcase.classname ?? ''}`);
  return (classname ? `${classname}.${name}` : name).slice(0, 200);
}

function messageOf(problem: Element): string {
  const message = clean(`${problem.message ?? ''}`) || clean(textOf(problem).split('\n').find((line) => /^E\s/.test(line))?.slice(1) ?? '');
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
}

const textOf = (problem: Element): string => (typeof problem['#text'] === 'string' ? problem['#text'] : '');
// eslint-disable-next-line no-control-regex
const clean = (text: string): string => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
