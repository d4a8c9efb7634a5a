import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { htmlRenderer } from '../../reports/html-renderer.js';
import { junitRenderer } from '../../reports/junit-renderer.js';
import { markdownRenderer } from '../../reports/markdown-renderer.js';
import type { RunReport } from '../../reports/report.js';
import { summarize } from '../../reports/summarize.js';
import { validateReport } from '../../reports/validate-report.js';
import type { Verdict } from '../../checks/verdict.js';

const HOSTILE = '<img src=x onerror=alert(1)> & "quotes" | pipes';

function verdict(id: string, status: Verdict['status'], message: string, evidence: Verdict['evidence'] = []): Verdict {
  return { id, checkId: id, title: { fr: `Titre ${id}`, en: `Title ${id}` }, status, score: status === 'pass' ? 1 : 0, weight: 1, required: true, message: { fr: `FR ${message}`, en: message }, messageKey: status, evidence, criteria: ['cdp-data-ia:C1.9'], durationMs: 12 };
}

/** A report as the runner writes it, with candidate-controlled text in every place it can reach. */
function report(overrides: Partial<RunReport> = {}): RunReport {
  const verdicts = [
    verdict('repo/files-present', 'pass', 'Files present.'),
    verdict('db/rows-match-source', 'fail', `Row counts differ: ventes 1980 / ventes.csv 2000 ${HOSTILE}`, [
      { kind: 'db', subject: `table ${HOSTILE}`, expected: 2000, actual: 1980, location: { file: 'etl.py', line: 42 } },
    ]),
    verdict('ml/metrics-reported', 'error', 'Could not check: Cannot read metrics.json'),
    verdict('viz/charts', 'warn', 'One chart has no title.'),
    verdict('extra/skip', 'skip', 'Nothing to check.'),
  ];
  const base: RunReport = {
    schemaVersion: '1.0',
    tool: { name: 'mspr-lab', version: '0.1.0' },
    runId: 'run-1',
    startedAt: '2026-11-22T10:00:00.000Z',
    finishedAt: '2026-11-22T10:00:05.000Z',
    durationMs: 5000,
    scenario: { id: 'cdp-data-ia-bloc1-etl', title: { fr: 'Bloc 1', en: 'Bloc 1' }, framework: 'cdp-data-ia', bloc: '1', source: 'x.yaml' },
    submission: { source: `team-${HOSTILE}`, kind: 'git', commit: 'a'.repeat(40), refused: [{ path: 'passwd', reason: 'symlink-escapes', message: { fr: 'passwd : lien', en: 'passwd: link' } }], fileCount: 3, totalBytes: 10 },
    sandbox: { backend: 'local', isolated: false, notice: { fr: 'non isolé', en: 'not isolated' } },
    assumptions: [{ fr: `supposé ${HOSTILE}`, en: `assumed ${HOSTILE}` }],
    steps: [{ id: `pipeline:${HOSTILE}.py`, kind: 'command', argv: ['python', 'x.py'], status: 'failed', optional: false, exitCode: 1, signal: null, timedOut: false, oomKilled: false, durationMs: 1200, stdoutTail: '', stderrTail: 'KeyError', outputBytes: { stdout: 0, stderr: 8 }, outputTruncated: false }],
    trace: { events: 0, problems: [] },
    verdicts,
    manual: [{ criteria: ['cdp-data-ia:C1.6'], label: { fr: 'RGPD précisé', en: 'GDPR stated' } }],
    errors: [],
    summary: summarize(verdicts, []),
  };
  return { ...base, ...overrides };
}

describe('renderers', () => {
  it('the sample report follows the report schema', () => {
    expect(validateReport(report())).toEqual([]);
  });

  describe('JUnit', () => {
    it('is well-formed XML with one testcase per verdict and the right counts', () => {
      const xml = junitRenderer.render(report(), 'en');
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain('<testsuites name="mspr-lab" tests="5" failures="1" errors="1" skipped="1"');
      expect(xml.match(/<testcase /g)).toHaveLength(5);
      expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(xml).not.toContain('<img');
    });

    it('turns a run that could not be done into an error testcase, never an empty green suite', () => {
      const failed = report({ verdicts: [], errors: [{ code: 'MSPR_SUBMISSION_UNREADABLE', message: { fr: 'introuvable', en: 'not found' }, details: [] }] });
      failed.summary = summarize([], failed.errors);
      const xml = junitRenderer.render(failed, 'en');
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain('tests="1" failures="0" errors="1"');
      expect(xml).toContain('<error message="not found" type="MSPR_SUBMISSION_UNREADABLE"');
    });
  });

  describe('Markdown', () => {
    it('keeps tables intact and neutralises HTML from the candidate', () => {
      const md = markdownRenderer.render(report(), 'en');
      expect(md).not.toContain('<img');
      expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
      const row = md.split('\n').find((line) => line.includes('db/rows-match-source') && line.startsWith('|'))!;
      expect(row.split(/(?<!\\)\|/)).toHaveLength(6); // 4 cells between 5 unescaped pipes
      expect(md).toContain('- [ ] GDPR stated (cdp-data-ia:C1.6)');
      expect(md).toContain('table &lt;img src=x onerror=alert(1)&gt; & "quotes" | pipes — expected 2000 — found 1980 — @ etl.py:42');
    });

    it('is in French with lang fr', () => {
      const md = markdownRenderer.render(report(), 'fr');
      expect(md).toContain('**Résultat:** ❌ échec');
      expect(md).toContain('attendu 2000 — trouvé 1980');
    });
  });

  describe('HTML', () => {
    it('is one self-contained page in the asked language', () => {
      const html = htmlRenderer.render(report(), 'fr');
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
      expect(html).not.toMatch(/<script|<link |src="http/);
      expect(html).toContain('<caption>Vérifications — cdp-data-ia-bloc1-etl</caption>');
    });

    it('escapes every candidate-controlled string', () => {
      const html = htmlRenderer.render(report(), 'en');
      expect(html).not.toContain('<img');
      expect(html.match(/&lt;img src=x onerror=alert\(1\)&gt;/g)!.length).toBeGreaterThanOrEqual(5);
    });

    it('writes each status as a word, not by colour alone', () => {
      const html = htmlRenderer.render(report(), 'en');
      for (const word of ['>pass<', '>fail<', '>error<', '>warning<', '>skipped<']) expect(html).toContain(word);
      expect(html).toContain('<th scope="col">Status</th>');
      expect(html).toContain('<label for="manual-0">GDPR stated');
    });
  });
  describe('environment problems', () => {
    const failure = { owner: 'environment' as const, cause: 'missing-package', module: 'missingno', package: 'missingno', declaredIn: 'requirements.txt', message: { fr: `Le code a besoin de « missingno » ${HOSTILE}.`, en: `The code needs "missingno" ${HOSTILE}.` }, hint: { fr: 'Donnez --pip-index.', en: 'Give --pip-index.' } };
    const withFailure = () => {
      const base = report();
      return { ...base, steps: base.steps.map((step) => ({ ...step, failure })) };
    };

    it('a step failure is valid in the schema, and each renderer shows one block with what to do, escaped', () => {
      expect(validateReport(withFailure())).toEqual([]);
      const md = markdownRenderer.render(withFailure(), 'fr');
      expect(md).toContain('## ⚠️ Problèmes d’environnement (pas le code de l’équipe)');
      expect(md).toContain('(missing-package): Le code a besoin de « missingno » &lt;img');
      expect(md).toContain('  - ➜ Donnez --pip-index.');
      expect(md).toContain('| environnement (missing-package) |');
      const html = htmlRenderer.render(withFailure(), 'en');
      expect(html).toContain('<h2 id="environment">Environment problems (not the team’s code)</h2>');
      expect(html).toContain('<p>➜ Give --pip-index.</p>');
      expect(html).not.toContain('<img src=x');
    });

    it('no block when every failure is the team’s', () => {
      expect(markdownRenderer.render(report(), 'en')).not.toContain('Environment problems');
      expect(htmlRenderer.render(report(), 'en')).not.toContain('id="environment"');
    });
  });
});
