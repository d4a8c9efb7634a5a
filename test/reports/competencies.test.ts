import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Evidence, Verdict } from '../../checks/verdict.js';
import { rollUpCompetencies } from '../../reports/competencies.js';
import { htmlRenderer } from '../../reports/html-renderer.js';
import { junitRenderer } from '../../reports/junit-renderer.js';
import { markdownRenderer } from '../../reports/markdown-renderer.js';
import { migrateReport } from '../../reports/migrate-report.js';
import type { RunReport } from '../../reports/report.js';
import { summarize } from '../../reports/summarize.js';
import { validateReport } from '../../reports/validate-report.js';

const observed: Evidence[] = [{ kind: 'db', subject: 'table ventes', expected: 2000, actual: 2000 }];

function verdict(id: string, status: Verdict['status'], criteria: string[], extra: Partial<Verdict> = {}): Verdict {
  const score = status === 'pass' ? 1 : status === 'warn' ? 0.5 : 0;
  return { id, checkId: id, title: { fr: `Titre ${id}`, en: `Title ${id}` }, status, score, weight: 2, required: true, message: { fr: 'm', en: 'm' }, messageKey: status, evidence: observed, criteria, durationMs: 1, ...extra };
}

const manual = [{ criteria: ['cdp-data-ia:C1.6'], label: { fr: 'RGPD', en: 'GDPR' } }];

describe('competency roll-up', () => {
  it('acquis when every required check of the criterion passed on observed evidence', () => {
    const rollup = rollUpCompetencies('cdp-data-ia', [verdict('a', 'pass', ['cdp-data-ia:C1.9']), verdict('b', 'pass', ['cdp-data-ia:C1.9'])], [], false);
    expect(rollup.items).toEqual([{ ref: 'cdp-data-ia:C1.9', code: 'C1.9', status: 'acquis', checks: ['a', 'b'], manual: [], score: 4, maxScore: 4, reasons: [] }]);
  });

  it('non acquis as soon as one required check fails, whatever else is there', () => {
    const rollup = rollUpCompetencies('cdp-data-ia', [verdict('a', 'pass', ['cdp-data-ia:C1.9']), verdict('b', 'fail', ['cdp-data-ia:C1.9']), verdict('c', 'error', ['cdp-data-ia:C1.9'])], [], false);
    expect(rollup.items[0]).toMatchObject({ status: 'non-acquis', score: 2, maxScore: 6 });
    expect(rollup.items[0]!.reasons.map((r) => r.en)).toEqual(['b: failed', 'c: not judged (error)']);
  });

  it.each([
    ['an error', verdict('a', 'error', ['cdp-data-ia:C1.8']), 'a: not judged (error)'],
    ['a skip', verdict('a', 'skip', ['cdp-data-ia:C1.8']), 'a: not judged (skipped)'],
    ['a warning', verdict('a', 'warn', ['cdp-data-ia:C1.8']), 'a: a warning to look at'],
    ['a pass resting on static evidence only', verdict('a', 'pass', ['cdp-data-ia:C1.8'], { evidence: [{ kind: 'static', subject: 'src/etl.py', location: { file: 'src/etl.py', line: 3 } }] }), 'a: passed on reading the code alone, with nothing observed running'],
  ])('à vérifier on %s of a required check', (_what, v, reason) => {
    const item = rollUpCompetencies('cdp-data-ia', [v], [], false).items[0]!;
    expect(item.status).toBe('a-verifier');
    expect(item.reasons.map((r) => r.en)).toEqual([reason]);
  });

  it('a pass with static evidence beside observed evidence is acquis', () => {
    const v = verdict('a', 'pass', ['cdp-data-ia:C1.8'], { evidence: [...observed, { kind: 'static', subject: 'src/etl.py' }] });
    expect(rollUpCompetencies('cdp-data-ia', [v], [], false).items[0]!.status).toBe('acquis');
  });

  it('à vérifier when jury items are left, even if its checks passed; a criterion of jury items only is listed too', () => {
    const rollup = rollUpCompetencies('cdp-data-ia', [verdict('a', 'pass', ['cdp-data-ia:C1.6'])], [...manual, { criteria: ['cdp-data-ia:C1.7'], label: { fr: 'éthique', en: 'ethics' } }], false);
    expect(rollup.items.map((i) => [i.code, i.status, i.manual])).toEqual([
      ['C1.6', 'a-verifier', [0]],
      ['C1.7', 'a-verifier', [1]],
    ]);
    expect(rollup.items[1]).toMatchObject({ checks: [], score: 0, maxScore: 0 });
  });

  it('optional checks are listed but do not decide: a criterion with only optional checks is for the jury', () => {
    const rollup = rollUpCompetencies('cdp-data-ia', [verdict('a', 'fail', ['cdp-data-ia:C2.1'], { required: false })], [], false);
    expect(rollup.items[0]).toMatchObject({ status: 'a-verifier', checks: ['a'], maxScore: 0 });
    expect(rollup.items[0]!.reasons.map((r) => r.en)).toEqual(['no required check: for the jury to judge']);
  });

  it('each criterion once under its own framework; other frameworks go to "also covers"; codes in reading order', () => {
    const rollup = rollUpCompetencies(
      'cdp-data-ia',
      [verdict('a', 'pass', ['cdp-data-ia:C1.10', 'dev-ia-ds:A1.1 C4', 'cdp-data-ia:C1.9']), verdict('b', 'pass', ['C1.9', 'cdp-ia-aivancity:C2.2'])],
      [],
      false,
    );
    expect(rollup.items.map((i) => [i.ref, i.checks])).toEqual([
      ['cdp-data-ia:C1.9', ['a', 'b']],
      ['cdp-data-ia:C1.10', ['a']],
    ]);
    expect(rollup.alsoCovers).toEqual([
      { ref: 'cdp-ia-aivancity:C2.2', checks: ['b'], manual: [] },
      { ref: 'dev-ia-ds:A1.1 C4', checks: ['a'], manual: [] },
    ]);
  });

  it('a fail earns its partial score only under scoring: partial', () => {
    const v = verdict('a', 'fail', ['cdp-data-ia:C1.9'], { score: 0.67 });
    expect(rollUpCompetencies('cdp-data-ia', [v], [], false).items[0]!.score).toBe(0);
    expect(rollUpCompetencies('cdp-data-ia', [v], [], true).items[0]!.score).toBe(1.34);
  });
});

describe('scores', () => {
  it('the maximum is fixed by the required checks: a skip or an error counts 0 and stays in it', () => {
    const verdicts = [verdict('a', 'pass', []), verdict('b', 'skip', []), verdict('c', 'error', []), verdict('d', 'pass', [], { required: false })];
    expect(summarize(verdicts, [])).toMatchObject({ score: 2, maxScore: 6, scoring: 'strict' });
  });

  it('a fail counts 0 unless the scenario asks for partial credit', () => {
    const verdicts = [verdict('a', 'fail', [], { score: 0.94 }), verdict('b', 'warn', [])];
    expect(summarize(verdicts, [])).toMatchObject({ score: 1, maxScore: 4 });
    expect(summarize(verdicts, [], 'partial')).toMatchObject({ score: 2.88, maxScore: 4, scoring: 'partial' });
  });
});

function report(verdicts: Verdict[]): RunReport {
  return {
    schemaVersion: '1.1',
    tool: { name: 'mspr-lab', version: '0.1.0' },
    runId: 'run-1',
    startedAt: '2026-11-22T10:00:00.000Z',
    finishedAt: '2026-11-22T10:00:05.000Z',
    durationMs: 5000,
    scenario: { id: 'bloc1', title: { fr: 'Bloc 1', en: 'Bloc 1' }, framework: 'cdp-data-ia', bloc: '1', source: 'x.yaml' },
    submission: { source: 'team', kind: 'directory', refused: [], fileCount: 1, totalBytes: 1 },
    sandbox: { backend: 'local', isolated: false },
    assumptions: [],
    steps: [],
    trace: { events: 0, problems: [] },
    verdicts,
    manual,
    errors: [],
    summary: summarize(verdicts, []),
    competencies: rollUpCompetencies('cdp-data-ia', verdicts, manual, false),
  };
}

const sample = () => report([verdict('db/rows-match-source', 'fail', ['cdp-data-ia:C1.9']), verdict('db/no-truncation', 'pass', ['cdp-data-ia:C1.9', 'cdp-data-ia:C1.10', 'dev-ia-ds:A1.1 C5'])]);

describe('the roll-up in every rendering', () => {
  it('report.json: the schema requires it and accepts it', () => {
    expect(validateReport(sample())).toEqual([]);
    const { competencies: _dropped, ...without } = sample();
    expect(validateReport(without)).toEqual(['(root): missing required property "competencies"']);
  });

  it('Markdown: one row per criterion with its status in words, and the other framework apart', () => {
    const md = markdownRenderer.render(sample(), 'fr');
    expect(md).toContain('## Compétences (cdp-data-ia)');
    expect(md).toContain('| cdp-data-ia:C1.6 | 🔎 à vérifier | – | grille du jury (1) | 1 point de la grille du jury à évaluer |');
    expect(md).toContain('| cdp-data-ia:C1.9 | ❌ non acquis | 2 / 4 | db/rows-match-source, db/no-truncation | db/rows-match-source : échec |');
    expect(md).toContain('| cdp-data-ia:C1.10 | ✅ acquis | 2 / 2 | db/no-truncation | – |');
    expect(md).toContain('- dev-ia-ds:A1.1 C5 (db/no-truncation)');
    expect(markdownRenderer.render(sample(), 'en')).toContain('| cdp-data-ia:C1.10 | ✅ achieved | 2 / 2 |');
  });

  it('HTML: a captioned table, each status as a word on a coloured badge', () => {
    const html = htmlRenderer.render(sample(), 'en');
    expect(html).toContain('<h2 id="competencies">Competencies</h2><svg role="img" aria-labelledby="competency-grid-title competency-grid-desc"');
    expect(html).toContain('</svg><table><caption>Competencies — cdp-data-ia</caption>');
    expect(html).toContain('<tr><th scope="row">cdp-data-ia:C1.9</th><td><span class="badge competency-non-acquis">not achieved</span></td><td>2 / 4</td>');
    expect(html).toContain('<span class="badge competency-acquis">achieved</span>');
    expect(html).toContain('<h3>Also covers (other frameworks, not graded here)</h3><ul><li>dev-ia-ds:A1.1 C5 (db/no-truncation)</li></ul>');
  });

  it('JUnit: one testsuite per competency with its checks; a check of two criteria under both', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junitRenderer.render(sample(), 'fr'));
    const suites = parsed.testsuites.testsuite as Array<{ name: string; tests: string; failures: string; testcase: unknown }>;
    expect(suites.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['cdp-data-ia:C1.6 — à vérifier', '1', '0'],
      ['cdp-data-ia:C1.9 — non acquis', '2', '1'],
      ['cdp-data-ia:C1.10 — acquis', '1', '0'],
    ]);
    expect(parsed.testsuites).toMatchObject({ tests: '4', failures: '1', skipped: '1' });
  });
});

describe('render of a 1.0 report (migration)', () => {
  it('computes the roll-up from its verdicts, keeps its score, and says so', () => {
    const current = sample();
    const { competencies: _c, ...old } = { ...current, schemaVersion: '1.0', summary: { ...current.summary, score: 3.5, maxScore: 4 } };
    delete (old.summary as { scoring?: string }).scoring;
    const migrated = migrateReport(old) as RunReport;
    expect(validateReport(migrated)).toEqual([]);
    expect(migrated).toMatchObject({ schemaVersion: '1.1', migratedFrom: '1.0', summary: { score: 3.5, maxScore: 4 } });
    expect(migrated.competencies.items.map((i) => [i.code, i.status])).toEqual([
      ['C1.6', 'a-verifier'],
      ['C1.9', 'non-acquis'],
      ['C1.10', 'acquis'],
    ]);
    expect(migrated.assumptions.at(-1)!.en).toContain('Report in format 1.0');
    expect(markdownRenderer.render(migrated, 'en')).toContain('the score stays the 1.0 one');
  });

  it('leaves anything else to the schema', () => {
    expect(migrateReport({ schemaVersion: '0.9' })).toEqual({ schemaVersion: '0.9' });
    expect(validateReport(migrateReport({ schemaVersion: '0.9' }))).not.toEqual([]);
  });
});
