import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { htmlRenderer } from '../../reports/html-renderer.js';
import { githubSummaryRenderer } from '../../reports/github-summary.js';
import { junitRenderer } from '../../reports/junit-renderer.js';
import { markdownRenderer } from '../../reports/markdown-renderer.js';
import type { RunReport } from '../../reports/report.js';
import { summarize } from '../../reports/summarize.js';
import { rollUpCompetencies } from '../../reports/competencies.js';
import { validateReport } from '../../reports/validate-report.js';
import type { Verdict } from '../../checks/verdict.js';
import { makeThumbnail } from '../../runner/report-images/make-thumbnail.js';
import type { ReportImages } from '../../runner/report-images/report-image.js';
import { redactReport } from '../../runner/redaction/redact-report.js';
import { createRedactor } from '../../runner/redaction/redactor.js';
import { chartPng } from '../report-images/image-fixtures.js';

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
  const manual = [{ criteria: ['cdp-data-ia:C1.6'], label: { fr: 'RGPD précisé', en: 'GDPR stated' } }];
  const base: RunReport = {
    schemaVersion: '1.1',
    tool: { name: 'mspr-lab', version: '0.1.0' },
    runId: 'run-1',
    startedAt: '2026-11-22T10:00:00.000Z',
    finishedAt: '2026-11-22T10:00:05.000Z',
    durationMs: 5000,
    scenario: { id: 'cdp-data-ia-bloc1-etl', title: { fr: 'Bloc 1', en: 'Bloc 1' }, framework: 'cdp-data-ia', bloc: '1', source: 'x.yaml' },
    submission: { source: `team-${HOSTILE}`, kind: 'git', commit: 'a'.repeat(40), refused: [{ path: 'passwd', reason: 'symlink-escapes', message: { fr: 'passwd : lien', en: 'passwd: link' } }], fileCount: 3, totalBytes: 10 },
    sandbox: { backend: 'local', isolated: false, notice: { fr: 'non isolé', en: 'not isolated' } },
    assumptions: [{ fr: `supposé ${HOSTILE}`, en: `assumed ${HOSTILE}` }],
    plan: {
      origin: 'discovered',
      steps: [{ id: `${HOSTILE}.py`, kind: 'command', run: ['python', `${HOSTILE}.py`], cwd: 'etl', reason: 'README.md:12', entry: `etl/${HOSTILE}.py`, pythonPathRoot: true }],
      skipped: [{ path: `pytest ${HOSTILE}`, source: 'README.md:20', reason: { fr: 'tests : hors pipeline', en: 'tests: not the pipeline' } }],
      requirementFiles: [{ file: 'requirements/dev.txt', reason: 'README.md:8' }],
      notes: [{ fr: 'résumé', en: 'summary' }, { fr: 'Le code attend PostgreSQL', en: 'The code expects PostgreSQL' }],
    },
    steps: [{ id: `pipeline:${HOSTILE}.py`, kind: 'command', argv: ['python', 'x.py'], status: 'failed', optional: false, exitCode: 1, signal: null, timedOut: false, oomKilled: false, durationMs: 1200, stdoutTail: '', stderrTail: 'KeyError', outputBytes: { stdout: 0, stderr: 8 }, outputTruncated: false }],
    trace: { events: 0, problems: [] },
    verdicts,
    manual,
    errors: [],
    summary: summarize(verdicts, []),
    competencies: rollUpCompetencies('cdp-data-ia', verdicts, manual, false),
  };
  return { ...base, ...overrides };
}

describe('renderers', () => {
  it('the sample report follows the report schema', () => {
    expect(validateReport(report())).toEqual([]);
  });

  describe('JUnit', () => {
    it('is well-formed XML with one testsuite per competency, a testcase per check and jury item, and the right counts', () => {
      const xml = junitRenderer.render(report(), 'en');
      expect(XMLValidator.validate(xml)).toBe(true);
      // C1.6: the jury item (skipped); C1.9: the five checks (one fail, one error, one skip).
      expect(xml).toContain('<testsuites name="mspr-lab" tests="6" failures="1" errors="1" skipped="2"');
      expect(xml).toContain('<testsuite name="cdp-data-ia:C1.6 — to be checked" tests="1" failures="0" errors="0" skipped="1"');
      expect(xml).toContain('<testsuite name="cdp-data-ia:C1.9 — not achieved" tests="5" failures="1" errors="1" skipped="1"');
      expect(xml).toContain('<testcase classname="cdp-data-ia:C1.6" name="For the jury to assess — GDPR stated" time="0">');
      expect(xml).toContain('<property name="status" value="non-acquis"/>');
      expect(xml.match(/<testsuite /g)).toHaveLength(2);
      expect(xml.match(/<testcase /g)).toHaveLength(6);
      expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(xml).not.toContain('<img');
    });

    it('turns a run that could not be done into an error testcase, never an empty green suite', () => {
      const failed = report({ verdicts: [], errors: [{ code: 'MSPR_SUBMISSION_UNREADABLE', message: { fr: 'introuvable', en: 'not found' }, details: [] }] });
      failed.summary = summarize([], failed.errors);
      failed.competencies = rollUpCompetencies('cdp-data-ia', [], failed.manual, false);
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
      const row = md.split('\n').find((line) => line.includes('(`db/rows-match-source`)') && line.startsWith('|'))!;
      expect(row.split(/(?<!\\)\|/)).toHaveLength(6); // 4 cells between 5 unescaped pipes
      expect(md).toContain('- [ ] GDPR stated (cdp-data-ia:C1.6)');
      // Evidence as a found / expected table (pipes escaped inside cells).
      expect(md).toContain('| table &lt;img src=x onerror=alert(1)&gt; & "quotes" \\| pipes | 1,980 | 2,000 | `etl.py:42` | – |');
    });

    it('shows the run plan: each step with its command, folder and reason; what was left out; the notes', () => {
      const md = markdownRenderer.render(report(), 'en');
      expect(md).toContain('## Run plan (discovered in the repository)');
      expect(md).toContain('| `&lt;img src=x onerror=alert(1)&gt; & "quotes" \\| pipes.py` | `python &lt;img src=x onerror=alert(1)&gt; & "quotes" \\| pipes.py` | etl | README.md:12 |');
      expect(md).toContain('- pytest &lt;img src=x onerror=alert(1)&gt; & "quotes" | pipes (README.md:20): tests: not the pipeline');
      expect(md).toContain('> The code expects PostgreSQL');
      expect(md).toContain('Requirements the README installs: requirements/dev.txt (README.md:8)');
      expect(markdownRenderer.render(report(), 'fr')).toContain('## Plan d’exécution (découvert dans le dépôt)');
    });

    it('is in French with lang fr', () => {
      const md = markdownRenderer.render(report(), 'fr');
      expect(md).toContain('**Résultat:** ❌ échec');
      expect(md).toContain('| Objet | Trouvé | Attendu | Où | Autres valeurs |');
      expect(md).toContain(' | 1\u202f980 | 2\u202f000 | `etl.py:42` | – |');
    });
  });

  describe('HTML', () => {
    it('is one self-contained page in the asked language', () => {
      const html = htmlRenderer.render(report(), 'fr');
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
      expect(html).not.toMatch(/<script|<link |src="http/);
      expect(html).toContain('<caption>Vérifications — cdp-data-ia-bloc1-etl (échecs en premier)</caption>');
    });

    it('escapes every candidate-controlled string', () => {
      const html = htmlRenderer.render(report(), 'en');
      expect(html).not.toContain('<img');
      expect(html.match(/&lt;img src=x onerror=alert\(1\)&gt;/g)!.length).toBeGreaterThanOrEqual(8);
      expect(html).toContain('<section aria-labelledby="plan"><h2 id="plan">Run plan (discovered in the repository)</h2>');
      expect(html).toContain('<td><code>etl</code></td><td>README.md:12</td>');
    });

    it('writes each status as a word, not by colour alone', () => {
      const html = htmlRenderer.render(report(), 'en');
      for (const word of ['>pass<', '>fail<', '>error<', '>warning<', '>skipped<']) expect(html).toContain(word);
      expect(html).toContain('<th scope="col">Status</th>');
      expect(html).toContain('<tr><th scope="row">C1.6</th><td>GDPR stated</td><td class="tick"><input type="checkbox" id="jury-0-yes" aria-label="Achieved — C1.6"></td>');
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

describe('the report’s pictures: thumbnails embedded, nothing else', () => {
  async function withImages(): Promise<RunReport> {
    const made = await makeThumbnail(await chartPng(1000, 600));
    if (!made.ok) throw new Error(made.reason.en);
    const { type, width, height, originalWidth, originalHeight, data } = made.thumbnail;
    const images: ReportImages = {
      shown: [
        { kind: 'figure', source: 'figures/ventes.png', title: `Ventes ${HOSTILE}`, xlabel: 'Mois', ylabel: null, location: { file: 'analyse.py', line: 37 }, type, width, height, originalWidth, originalHeight, base64: data.toString('base64') },
        { kind: 'screenshot', source: 'http://10.0.0.2:8000/', title: 'Accueil', type, width, height, originalWidth, originalHeight, base64: data.toString('base64') },
      ],
      notShown: [{ kind: 'figure', source: 'figures/carte.svg', why: { fr: 'figure vectorielle (SVG, PDF, EPS) : seules les images PNG et JPEG sont montrées', en: 'vector figure (SVG, PDF, EPS): only PNG and JPEG images are shown' } }],
    };
    return report({ images });
  }

  it('the HTML shows each thumbnail with its text equivalent and the file:line it was saved at; the pictures not shown, with why', async () => {
    const sample = await withImages();
    expect(validateReport(sample)).toEqual([]);
    const html = htmlRenderer.render(sample, 'fr');
    expect(html.match(/<img src="data:image\/png;base64,[A-Za-z0-9+/]+=*" width="720" height="432" alt="/g)).toHaveLength(2);
    expect(html).toContain('alt="Figure enregistrée figures/ventes.png — titre : Ventes &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; | pipes ; axe x : Mois ; axe y : aucun"');
    expect(html).toContain('<figcaption>Figures enregistrées par le code de l’équipe</figcaption>');
    expect(html).toContain('<figcaption>Pages de l’application, vues par l’audit d’accessibilité</figcaption>');
    expect(html).toContain('alt="Capture d’écran de la page http://10.0.0.2:8000/ (titre : Accueil)"');
    expect(html).toContain('(1000 × 600 px, montrée en 720 × 432)');
    expect(html).toContain('<li><code>figures/carte.svg</code> : figure vectorielle (SVG, PDF, EPS) : seules les images PNG et JPEG sont montrées</li>');
    expect(htmlRenderer.render(sample, 'en')).toContain('alt="Screenshot of the page http://10.0.0.2:8000/ (title: Accueil)"');
    const md = markdownRenderer.render(sample, 'fr');
    expect(md).toContain('## Images (miniatures dans le rapport HTML)');
    expect(md).toContain('- figures/carte.svg — non montrée : figure vectorielle (SVG, PDF, EPS) : seules les images PNG et JPEG sont montrées');
    expect(md).not.toContain('base64');
    expect(githubSummaryRenderer.render(sample, 'fr')).toContain('🖼️ 1 figure enregistrée et 1 capture d’écran dans le rapport HTML (report.html).');
    expect(githubSummaryRenderer.render(sample, 'en')).toContain('🖼️ 1 saved figure and 1 screenshot in the HTML report (report.html).');
    expect(githubSummaryRenderer.render(report(), 'fr')).not.toContain('🖼️');
  });

  it('a forged report.json cannot embed anything else: another type, a broken base64, an oversize box are not rendered, and the schema refuses them', async () => {
    const sample = await withImages();
    const good = sample.images!.shown[0]!;
    const forged: RunReport = {
      ...sample,
      images: {
        shown: [
          { ...good, type: 'image/svg+xml' as 'image/png', base64: Buffer.from('<svg onload="alert(1)"/>').toString('base64') },
          { ...good, base64: 'AAAA" onerror="alert(1)' },
          { ...good, width: 100_000 },
        ],
        notShown: [],
      },
    };
    const html = htmlRenderer.render(forged, 'fr');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('svg+xml');
    expect(validateReport(forged).length).toBeGreaterThanOrEqual(3);
  });

  it('the redactor masks a secret in a picture’s title, never inside its pixels', async () => {
    const sample = await withImages();
    const pixels = sample.images!.shown[0]!.base64;
    const secret = pixels.slice(100, 108); // a short .env value that happens to be in the base64
    const masked = redactReport({ ...sample, images: { ...sample.images!, shown: [{ ...sample.images!.shown[0]!, title: `mot de passe ${secret}` }] } }, createRedactor([secret]));
    expect(masked.images!.shown[0]!.base64).toBe(pixels);
    expect(masked.images!.shown[0]!.title).toBe('mot de passe ***');
  });
});
