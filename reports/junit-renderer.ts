import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Verdict } from '../checks/verdict.js';
import { type Lang, pick } from '../runner/i18n.js';
import { COMPETENCY_WORDS } from './competencies.js';
import { formatEvidence } from './format-evidence.js';
import type { RunReport } from './report.js';
import type { Renderer } from './renderer.js';
import { mapStrings, plainText } from './safe-text.js';

interface Totals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** Counts are written first (readers expect them near the name) and filled once the suite is built. */
const ZERO = { tests: '0', failures: '0', errors: '0', skipped: '0' };
const JURY = { fr: 'À évaluer par le jury', en: 'For the jury to assess' } as const;
const OUTSIDE = { fr: 'hors des critères du référentiel', en: 'outside the framework’s criteria' } as const;

/**
 * JUnit XML, the format every CI shows natively, read as a jury reads: one <testsuite> per competency (the
 * criterion code and its status in the suite's name and properties) holding the testcases of its checks, then
 * one for the checks outside the framework's criteria and the run's own errors. `fail` is <failure>, `error`
 * <error>, `skip` <skipped>; a `warn` passes with its message in <system-out>; a jury item is a skipped testcase.
 * A check covering two criteria appears under both. A run that could not be done is an <error> testcase, so CI
 * never sees an empty, green suite. Every string is plain text first (no terminal escapes or control characters,
 * which XML 1.0 forbids); whatever XML still could not hold is replaced by U+FFFD rather than written as invalid XML.
 */
export const junitRenderer: Renderer = {
  name: 'junit',
  extension: 'junit.xml',
  render(unsafe, lang) {
    const report = mapStrings(unsafe, plainText);
    const seconds = (report.durationMs / 1000).toFixed(3);
    const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\ufffd' });
    const root = doc.ele('testsuites', { name: 'mspr-lab', ...ZERO, time: seconds });
    const byId = new Map(report.verdicts.map((v) => [v.id, v]));
    const all: Totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const covered = new Set<string>();

    for (const competency of report.competencies.items) {
      const verdicts = competency.checks.map((id) => byId.get(id)).filter((v): v is Verdict => v !== undefined);
      verdicts.forEach((v) => covered.add(v.id));
      const suite = root.ele('testsuite', { name: `${competency.ref} — ${COMPETENCY_WORDS[lang][competency.status]}`, ...ZERO, timestamp: report.startedAt });
      properties(suite, { competency: competency.ref, status: competency.status, score: `${competency.score}/${competency.maxScore}`, reasons: competency.reasons.map((r) => pick(r, lang)).join('; ') || undefined });
      const totals = verdictCases(suite, verdicts, competency.ref, report, lang);
      for (const index of competency.manual) {
        const item = report.manual[index];
        if (!item) continue;
        suite.ele('testcase', { classname: competency.ref, name: `${JURY[lang]} — ${pick(item.label, lang)}`, time: '0' }).ele('skipped', { message: JURY[lang] });
        totals.tests++;
        totals.skipped++;
      }
      close(suite, totals, all);
    }

    const rest = report.verdicts.filter((v) => !covered.has(v.id));
    if (rest.length > 0 || report.errors.length > 0 || report.competencies.items.length === 0) {
      const suite = root.ele('testsuite', { name: `${report.scenario.id} — ${report.submission.source}${report.competencies.items.length > 0 ? ` (${OUTSIDE[lang]})` : ''}`, ...ZERO, time: seconds, timestamp: report.startedAt });
      properties(suite, { runId: report.runId, scenario: report.scenario.id, commit: report.submission.commit, sandbox: report.sandbox.backend, score: `${report.summary.score}/${report.summary.maxScore}` });
      const totals: Totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
      for (const error of report.errors) {
        suite
          .ele('testcase', { classname: `${report.scenario.id}.run`, name: error.code, time: '0' })
          .ele('error', { message: pick(error.message, lang), type: error.code })
          .txt([...error.details, error.hint ? pick(error.hint, lang) : ''].filter(Boolean).join('\n'));
        totals.tests++;
        totals.errors++;
      }
      const checks = verdictCases(suite, rest, undefined, report, lang);
      close(suite, { tests: totals.tests + checks.tests, failures: checks.failures, errors: totals.errors + checks.errors, skipped: checks.skipped }, all);
    }
    root.att({ tests: String(all.tests), failures: String(all.failures), errors: String(all.errors), skipped: String(all.skipped) });
    return doc.end({ prettyPrint: true });
  },
};

function verdictCases(suite: XMLBuilder, verdicts: Verdict[], competency: string | undefined, report: RunReport, lang: Lang): Totals {
  const totals: Totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const verdict of verdicts) {
    totals.tests++;
    const testcase = suite.ele('testcase', {
      classname: competency ?? `${report.scenario.id}.${verdict.checkId.split('/')[0]}`,
      name: `${verdict.id} — ${pick(verdict.title, lang)}`,
      time: (verdict.durationMs / 1000).toFixed(3),
      ...locationAttributes(verdict),
    });
    const message = pick(verdict.message, lang);
    const details = [`criteria: ${verdict.criteria.join(', ')}`, ...verdict.evidence.map((e) => formatEvidence(e, lang))].join('\n');
    if (verdict.status === 'fail') {
      totals.failures++;
      testcase.ele('failure', { message, type: verdict.checkId }).txt(details);
    } else if (verdict.status === 'error') {
      totals.errors++;
      testcase.ele('error', { message, type: verdict.checkId }).txt(details);
    } else if (verdict.status === 'skip') {
      totals.skipped++;
      testcase.ele('skipped', { message });
    } else testcase.ele('system-out').txt(`${verdict.status.toUpperCase()}: ${message}\n${details}`);
  }
  return totals;
}

/**
 * `file` and `line` of the verdict's first located fact (the line CI annotates, as pytest and Jest reporters
 * write them); a notebook cell's line is not a line of the file, so only the notebook is named.
 */
function locationAttributes(verdict: Verdict): Record<string, string> {
  const location = verdict.evidence.find((item) => item.location)?.location;
  if (!location) return {};
  return { file: location.file, ...(location.line !== undefined && location.cell === undefined ? { line: String(location.line) } : {}) };
}

function properties(suite: XMLBuilder, props: Record<string, string | undefined>): void {
  const element = suite.ele('properties');
  for (const [name, value] of Object.entries(props)) if (value) element.ele('property', { name, value });
}

/** A suite's counts go on its element, and add up into the root's (JUnit readers take either). */
function close(suite: XMLBuilder, totals: Totals, all: Totals): void {
  suite.att({ tests: String(totals.tests), failures: String(totals.failures), errors: String(totals.errors), skipped: String(totals.skipped) });
  all.tests += totals.tests;
  all.failures += totals.failures;
  all.errors += totals.errors;
  all.skipped += totals.skipped;
}
