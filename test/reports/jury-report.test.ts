import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../checks/verdict.js';
import { rollUpCompetencies } from '../../reports/competencies.js';
import { githubAnnotations } from '../../reports/github-annotations.js';
import { githubSummaryRenderer } from '../../reports/github-summary.js';
import { cssString } from '../../reports/html-style.js';
import { htmlRenderer } from '../../reports/html-renderer.js';
import { junitRenderer } from '../../reports/junit-renderer.js';
import type { RunReport } from '../../reports/report.js';
import { sourceHref } from '../../reports/source-links.js';
import { summarize } from '../../reports/summarize.js';
import { validateReport } from '../../reports/validate-report.js';
import { packagePath } from '../../runner/paths.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const NNBSP = '\u202f';

function verdict(id: string, status: Verdict['status'], evidence: Verdict['evidence'], criteria = ['cdp-data-ia:C3.2']): Verdict {
  return { id, checkId: id, title: { fr: `Titre ${id}`, en: `Title ${id}` }, status, score: status === 'pass' ? 1 : 0, weight: 1, required: true, message: { fr: `Constat ${id}`, en: `Finding ${id}` }, messageKey: status, evidence, criteria, durationMs: 5 };
}

/** A graded team as the batch writes it: a roster team, a GitHub repository, a deadline with late commits. */
function report(overrides: Partial<RunReport> = {}): RunReport {
  const verdicts = [
    verdict('steps/succeeded', 'pass', [{ kind: 'step', subject: 'pipeline:train.py', location: { file: 'train.py' }, expected: 'ok', actual: 'ok', data: { exitCode: 0, durationMs: 3100 } }], ['cdp-data-ia:C2.6']),
    verdict('ml/train-ratio', 'fail', [{ kind: 'trace', subject: 'train share', expected: '>= 0.7', actual: 0.6, data: { train: 720, test: 480, measuredOn: 'train_test_split' } }, { kind: 'trace', subject: 'train_test_split', location: { file: 'src/modele/entrainement.py', line: 42 }, data: { ratio: 0.6, test_size: 0.4 } }]),
    verdict('ml/metrics-reported', 'fail', [{ kind: 'artifact', subject: 'metrics.json: Ridge.rmse', location: { file: 'metrics.json' }, expected: 26071.901967, actual: 9850 }]),
    verdict('db/rows-match-source', 'fail', [
      { kind: 'db', subject: 'table ventes', expected: 2000, actual: 1500, data: { source: 'ventes.csv', database: 'sqlite:boutique.db', difference: -500 } },
      { kind: 'trace', subject: 'dropped from ventes.csv', actual: 20, location: { file: 'etl.py', line: 25 }, data: { function: 'drop_duplicates', before: 2000, after: 1980 } },
    ], ['cdp-data-ia:C1.9']),
    verdict('viz/readable', 'fail', [{ kind: 'trace', subject: 'scatter chart', expected: 'title, x label, y label', actual: 'no title', location: { file: 'analyse.py', line: 35 }, data: { title: null, xlabel: 'quantité', ylabel: 'prix </text><script>', file: 'figures/nuage.png' } }], ['cdp-data-ia:C2.4']),
  ];
  const manual = [{ criteria: ['cdp-data-ia:C3.1'], label: { fr: 'Le choix du modèle est justifié', en: 'The model choice is justified' } }];
  const base: RunReport = {
    schemaVersion: '1.1',
    tool: { name: 'mspr-lab', version: '0.1.0' },
    runId: '20261202-040106-cdp-data-ia-bloc3-regression-59b5',
    startedAt: '2026-06-30T08:30:00.000Z',
    finishedAt: '2026-06-30T08:31:00.000Z',
    durationMs: 60000,
    scenario: { id: 'cdp-data-ia-bloc3-regression', title: { fr: 'Bloc 3 — Régression', en: 'Bloc 3 — Regression' }, framework: 'cdp-data-ia', bloc: '3', source: 'x.yaml' },
    submission: { source: 'https://github.com/promo-2026/equipe-a.git', kind: 'git', commit: SHA, commitDate: '2026-06-29T20:00:00Z', deadline: '2026-06-30T21:59:00.000Z', commitsAfterDeadline: 2, refused: [], fileCount: 9, totalBytes: 1000 },
    team: { name: 'equipe-a', members: ['Léa Martin', 'Karim Benali'], from: 'roster' },
    sandbox: { backend: 'docker', isolated: true },
    assumptions: [],
    steps: [],
    trace: { events: 10, problems: [] },
    verdicts,
    manual,
    errors: [],
    summary: summarize(verdicts, []),
    competencies: rollUpCompetencies('cdp-data-ia', verdicts, manual, false),
  };
  return { ...base, ...overrides };
}

describe('the report a jury reads and signs', () => {
  it('the sample with its team follows the report schema', () => {
    expect(validateReport(report())).toEqual([]);
  });

  it('HTML header: team and members, repository and commit links, deadline and late commits, date, scenario, bloc, sandbox', () => {
    const html = htmlRenderer.render(report(), 'fr');
    expect(html).toContain('<dt>Équipe</dt><dd>equipe-a</dd><dt>Membres</dt><dd>Léa Martin, Karim Benali</dd>');
    expect(html).toContain('<dt>Dépôt</dt><dd><a href="https://github.com/promo-2026/equipe-a"><code>https://github.com/promo-2026/equipe-a.git</code></a></dd>');
    expect(html).toContain(`<dt>Commit</dt><dd><a href="https://github.com/promo-2026/equipe-a/commit/${SHA}">0123456789ab (daté du 29 juin 2026 à 22:00 (heure de Paris))</a></dd>`);
    expect(html).toContain('<dt>Échéance</dt><dd>30 juin 2026 à 23:59 (heure de Paris)</dd><dt>Commits après l’échéance</dt><dd>2 commits postérieurs, non évalués</dd>');
    expect(html).toContain('<dt>Date de l’évaluation</dt><dd>30 juin 2026 à 10:30 (heure de Paris)</dd>');
    expect(html).toContain('<dt>Référentiel et bloc</dt><dd>cdp-data-ia, bloc 3</dd><dt>Bac à sable</dt><dd>docker, isolé (réseau coupé)</dd>');
    // The competency roll-up comes before the checks, failures before passes.
    expect(html.indexOf('id="competencies"')).toBeLessThan(html.indexOf('id="verdicts"'));
    expect(html.indexOf('href="#verdict-ml-train-ratio"')).toBeLessThan(html.indexOf('href="#verdict-steps-succeeded"'));
  });

  it('evidence in words: a found / expected table with file:line links at the commit, no JSON', () => {
    const html = htmlRenderer.render(report(), 'en');
    expect(html).toContain('<tr><th scope="row">table ventes</th><td>1,500</td><td>2,000</td><td>–</td><td>source: ventes.csv<br>database: sqlite:boutique.db<br>difference: -500</td></tr>');
    expect(html).toContain(`<tr><th scope="row">dropped from ventes.csv</th><td>20</td><td>–</td><td class="nowrap"><a href="https://github.com/promo-2026/equipe-a/blob/${SHA}/etl.py#L25">etl.py:25</a></td><td>rows before → after: 2,000 → 1,980<br>function: drop_duplicates</td></tr>`);
    expect(html).not.toMatch(/\{&quot;|\{"/);
  });

  it('links: relative into a folder source, none for a path leaving the repository or an unknown forge', () => {
    const folder = report({ submission: { ...report().submission, source: '/srv/promo/equipe-a', kind: 'directory', commit: undefined } });
    expect(sourceHref(folder, { file: 'src/mon module.py', line: 3 }, { repoLink: '../../equipe-a' })).toBe('../../equipe-a/src/mon%20module.py');
    expect(sourceHref(folder, { file: '../../etc/passwd' }, { repoLink: '..' })).toBeUndefined();
    expect(sourceHref(folder, { file: 'javascript:alert(1)' }, { repoLink: '..' })).toBeUndefined();
    expect(sourceHref(report(), { file: 'notebooks/analyse.ipynb', cell: 4, line: 2 })).toBe(`https://github.com/promo-2026/equipe-a/blob/${SHA}/notebooks/analyse.ipynb`);
    const gitlab = report({ submission: { ...report().submission, source: 'git@gitlab.com:ecole/promo/equipe-b.git' } });
    expect(sourceHref(gitlab, { file: 'etl.py', line: 7 })).toBe(`https://gitlab.com/ecole/promo/equipe-b/-/blob/${SHA}/etl.py#L7`);
    const unknown = report({ submission: { ...report().submission, source: 'https://git.ecole.fr/equipe-c.git' } });
    expect(sourceHref(unknown, { file: 'etl.py', line: 7 })).toBeUndefined();
  });

  it('pictures: each SVG has a title and a description, the numbers drawn, and the same facts in text beside it', () => {
    const html = htmlRenderer.render(report(), 'fr');
    expect(html).toContain('<title id="competency-grid-title">Grille des compétences — cdp-data-ia</title>');
    expect(html).toMatch(/<desc id="competency-grid-desc">1 acquis, 3 non acquis, 1 à vérifier\. C1\.9 : non acquis ; C2\.4 : non acquis ; C2\.6 : acquis ; C3\.1 : à vérifier ; C3\.2 : non acquis\.<\/desc>/);
    const split = `Entraînement 60\u00a0% (720 lignes), test 40\u00a0% (480 lignes) ; seuil attendu : au moins 70\u00a0% pour l’entraînement — non atteint.`;
    expect(html).toContain(`<title id="split-title">Découpage entraînement / test et seuil attendu</title><desc id="split-desc">${split}</desc>`);
    expect(html).toContain(`<p>${split}</p>`);
    expect(html).toContain('>seuil 70\u00a0%</text>');
    expect(html).toContain('>entraînement 60\u00a0% (720)</text>');
    expect(html).toContain(`<desc id="metrics-desc">metrics.json: Ridge.rmse : annoncée 9${NNBSP}850, mesurée 26${NNBSP}071,902</desc>`);
    expect(html).toContain(`<tr><th scope="row">metrics.json: Ridge.rmse</th><td>9${NNBSP}850</td><td>26${NNBSP}071,902</td></tr>`);
    expect(html).toContain(`<desc id="rows-desc">ventes.csv → ventes : 2${NNBSP}000 lues, 20 écartées, 1${NNBSP}500 chargées</desc>`);
    expect(html).toContain(`<tr><th scope="row">ventes.csv</th><td>ventes</td><td>2${NNBSP}000</td><td>20</td><td>1${NNBSP}500</td></tr>`);
    // The figure the code saved: its title and axes as the trace knows them, candidate text escaped inside the SVG.
    expect(html).toContain('<desc id="figure-0-desc">scatter — titre : aucun ; axe x : quantité ; axe y : prix &lt;/text&gt;&lt;script&gt; ; fichier : figures/nuage.png</desc>');
    expect(html).toContain('>(sans titre)</text>');
    expect(html).not.toContain('<script>');
  });

  it('jury grid: each manual criterion with acquis / non acquis boxes and room for observations, then signatures', () => {
    const html = htmlRenderer.render(report(), 'fr');
    expect(html).toContain('<thead><tr><th scope="col">Critère</th><th scope="col">Point à évaluer</th><th scope="col">Acquis</th><th scope="col">Non acquis</th><th scope="col">Observations</th></tr></thead>');
    expect(html).toContain('<tr><th scope="row">C3.1</th><td>Le choix du modèle est justifié</td><td class="tick"><input type="checkbox" id="jury-0-yes" aria-label="Acquis — C3.1"></td><td class="tick"><input type="checkbox" id="jury-0-no" aria-label="Non acquis — C3.1"></td><td class="write"></td></tr>');
    expect(html).toContain('<caption>Signatures du jury</caption>');
    expect(html).toContain('<tr><th scope="row">Membre du jury 3</th><td class="write"></td><td class="write"></td></tr>');
    expect(html).toContain('<span>Date : ____________________</span>');
  });

  it('print: A4 page with a running header (team, date) and page n / m; a team name cannot end the CSS string', () => {
    const html = htmlRenderer.render(report(), 'en');
    expect(html).toContain('@page{size:A4;margin:18mm 14mm 18mm 14mm;@top-left{content:"equipe-a \\2014  cdp-data-ia-bloc3-regression"');
    expect(html).toContain('@bottom-right{content:"Page " counter(page) " / " counter(pages)');
    expect(cssString('a"</style><script>')).toBe('"a\\22 \\3c \\2f style\\3e \\3c script\\3e "');
  });

  it('JUnit: file and line of the first located fact on each testcase, valid against the JUnit XSD', async () => {
    const xml = junitRenderer.render(report(), 'en');
    expect(xml).toContain('<testcase classname="cdp-data-ia:C3.2" name="ml/train-ratio — Title ml/train-ratio" time="0.005" file="src/modele/entrainement.py" line="42">');
    expect(xml).toContain('<testcase classname="cdp-data-ia:C2.6" name="steps/succeeded — Title steps/succeeded" time="0.005" file="train.py">');
    const schema = { fileName: 'junit.xsd', contents: readFileSync(packagePath('test/reports/schemas/junit.xsd'), 'utf8') };
    const valid = await validateXML({ xml: [{ fileName: 'report.junit.xml', contents: xml }], schema: [schema] });
    expect(valid.errors).toEqual([]);
    expect(valid.valid).toBe(true);
    // The schema is not a rubber stamp: a testcase without a name, or line 0, is refused.
    const broken = xml.replace('name="ml/train-ratio — Title ml/train-ratio" ', '').replace('line="42"', 'line="0"');
    const invalid = await validateXML({ xml: [{ fileName: 'report.junit.xml', contents: broken }], schema: [schema] });
    expect(invalid.valid).toBe(false);
    const messages = invalid.errors.map((e) => e.message).join('\n');
    expect(messages).toContain("attribute 'line': '0' is not a valid value of the atomic type 'xs:positiveInteger'");
    expect(messages).toContain("Element 'testcase': The attribute 'name' is required but missing.");
  });

  it('GitHub job summary: failures first with their tables, passes folded in <details>', () => {
    const md = githubSummaryRenderer.render(report(), 'fr');
    expect(md).toContain('- **Équipe : **equipe-a');
    expect(md).toContain('### À corriger ou à examiner (4)');
    expect(md).toContain(`| table ventes | 1${NNBSP}500 | 2${NNBSP}000 | – | source : ventes.csv<br>base : sqlite:boutique.db<br>écart : -500 |`);
    expect(md).toContain(`| dropped from ventes.csv | 20 | – | [etl.py:25](https://github.com/promo-2026/equipe-a/blob/${SHA}/etl.py#L25) |`);
    expect(md).toMatch(/<details>\n<summary>Vérifications réussies ou non évaluées \(1\)<\/summary>\n\n\| Statut \| Vérification \| Constat \|\n\|---\|---\|---\|\n\| ✅ réussi \| Titre steps\/succeeded \(`steps\/succeeded`\) \| Constat steps\/succeeded \|\n\n<\/details>/);
    expect(md.indexOf('(`ml/train-ratio`)')).toBeLessThan(md.indexOf('<details>'));
  });

  it('GitHub annotations: ::error at file and line, with %, CR, LF and property separators escaped', () => {
    const hostile = report();
    hostile.verdicts[1] = { ...hostile.verdicts[1]!, message: { fr: '60 % < 70 %\nà corriger', en: '60% < 70%\r\nfix it' }, evidence: [{ kind: 'trace', subject: 'split', location: { file: 'src/a:b,c.py', line: 42 } }] };
    const lines = githubAnnotations(hostile, 'en');
    expect(lines).toContain('::error file=src/a%3Ab%2Cc.py,line=42,title=ml/train-ratio — Title ml/train-ratio::60%25 < 70%25%0Afix it');
    expect(lines).toContain('::error file=metrics.json,title=ml/metrics-reported — Title ml/metrics-reported::Finding ml/metrics-reported');
    expect(lines.some((line) => line.includes('steps/succeeded'))).toBe(false);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
  });
});
