import { create } from 'xmlbuilder2';
import { pick } from '../runner/i18n.js';
import { formatEvidence } from './format-evidence.js';
import type { Renderer } from './renderer.js';
import { mapStrings, plainText } from './safe-text.js';

/**
 * JUnit XML, the format every CI shows natively: one testcase per verdict, `fail` as <failure>, `error`
 * as <error>, `skip` as <skipped>; a `warn` passes with its message in <system-out>. A run that could not
 * be done is one <error> testcase, so CI never sees an empty, green suite. Every string is plain text first
 * (no terminal escapes or control characters, which XML 1.0 forbids); whatever XML still could not hold is
 * replaced by U+FFFD rather than written out as invalid XML.
 */
export const junitRenderer: Renderer = {
  name: 'junit',
  extension: 'junit.xml',
  render(unsafe, lang) {
    const report = mapStrings(unsafe, plainText);
    const counts = report.summary.counts;
    const runErrors = report.errors.length;
    const tests = report.verdicts.length + runErrors;
    const seconds = (report.durationMs / 1000).toFixed(3);
    const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\ufffd' }).ele('testsuites', {
      name: 'mspr-lab',
      tests,
      failures: counts.fail,
      errors: counts.error + runErrors,
      skipped: counts.skip,
      time: seconds,
    });
    const suite = root.ele('testsuite', {
      name: `${report.scenario.id} — ${report.submission.source}`,
      tests,
      failures: counts.fail,
      errors: counts.error + runErrors,
      skipped: counts.skip,
      time: seconds,
      timestamp: report.startedAt,
    });
    const properties = suite.ele('properties');
    const props: Record<string, string | undefined> = {
      runId: report.runId,
      scenario: report.scenario.id,
      commit: report.submission.commit,
      sandbox: report.sandbox.backend,
      score: `${report.summary.score}/${report.summary.maxScore}`,
    };
    for (const [name, value] of Object.entries(props)) if (value) properties.ele('property', { name, value });

    for (const error of report.errors) {
      suite
        .ele('testcase', { classname: `${report.scenario.id}.run`, name: error.code, time: '0' })
        .ele('error', { message: pick(error.message, lang), type: error.code })
        .txt([...error.details, error.hint ? pick(error.hint, lang) : ''].filter(Boolean).join('\n'));
    }
    for (const verdict of report.verdicts) {
      const testcase = suite.ele('testcase', {
        classname: `${report.scenario.id}.${verdict.checkId.split('/')[0]}`,
        name: `${verdict.id} — ${pick(verdict.title, lang)}`,
        time: (verdict.durationMs / 1000).toFixed(3),
      });
      const message = pick(verdict.message, lang);
      const details = [`criteria: ${verdict.criteria.join(', ')}`, ...verdict.evidence.map((e) => formatEvidence(e, lang))].join('\n');
      if (verdict.status === 'fail') testcase.ele('failure', { message, type: verdict.checkId }).txt(details);
      else if (verdict.status === 'error') testcase.ele('error', { message, type: verdict.checkId }).txt(details);
      else if (verdict.status === 'skip') testcase.ele('skipped', { message });
      else testcase.ele('system-out').txt(`${verdict.status.toUpperCase()}: ${message}\n${details}`);
    }
    return root.end({ prettyPrint: true });
  },
};
