import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** `mspr-lab criteria` through the real CLI, on the bundled scenarios and checks. */
describe('mspr-lab criteria', () => {
  it('prints the coverage matrix of cerf-ia in French, line by line', () => {
    const run = runCli(['criteria', 'cerf-ia', '--lang', 'fr']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'cerf-ia — 5 critères : 2 vérifiés, 3 au jury seul, 0 non couvert',
      '  C1  Concevoir une stratégie d’intégration de l’IA au sein de l’organisation…',
      '      manuel : cerf-ia-c2-c5',
      '  C2  Développer un prototype de solution IA répondant aux besoins identifiés…',
      '      data/missing-measured → cerf-ia-c2-c5',
      '      data/sources-read → cerf-ia-c2-c5',
      '      ml/models-applied-to-test → cerf-ia-c2-c5',
      '      ml/train-test-split → cerf-ia-c2-c5',
      '      repo/files-present → cerf-ia-c2-c5',
      '      steps/succeeded → cerf-ia-c2-c5',
      '      manuel : cerf-ia-c2-c5',
      '  C3  Déployer le projet IA à travers une stratégie de mise à l\'échelle progr…',
      '      manuel : cerf-ia-c2-c5',
      '  C4  Accompagner le changement organisationnel lié à l\'adoption de l\'IA, en…',
      '      manuel : cerf-ia-c2-c5',
      '  C5  Piloter la performance et l\'éthique du projet IA en mettant en place un…',
      '      analysis/dashboard → cerf-ia-c2-c5',
      '      repo/no-secrets → cerf-ia-c2-c5',
      '      repo/personal-data → cerf-ia-c2-c5',
      '      manuel : cerf-ia-c2-c5',
      '',
      '',
    ]);
  });

  it('speaks English, and says "not covered" for a code nothing grades (cdp-data-ia bloc 4)', () => {
    const run = runCli(['criteria', 'cdp-data-ia', '--lang', 'en']);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^cdp-data-ia — 46 criteria: \d+ checked, \d+ left to the jury, \d+ not covered$/);
    const at = lines.indexOf('  C4.1   Mettre en œuvre la méthode de projet agile en adéquation avec le projet…');
    expect(at, run.stdout).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('         not covered');
    // A code graded through a scenario's own `criteria` on a check use, with the scenarios that grade it.
    const c36 = lines.findIndex((line) => line.startsWith('  C3.6 '));
    expect(lines.slice(c36 + 1, c36 + 5)).toEqual([
      '         http/app-answers → cdp-data-ia-bloc3-web-app',
      '         http/prediction-route → cdp-data-ia-bloc3-web-app',
      '         repo/no-secrets → cdp-data-ia-bloc3-web-app', '         manual: cdp-data-ia-bloc3-classification, cdp-data-ia-bloc3-regression, cdp-data-ia-bloc3-web-app']);
    // A check that declares the criterion, though no scenario of the framework uses it for it (bloc 2 serves no app): said so.
    const c26 = lines.findIndex((line) => line.startsWith('  C2.6 '));
    expect(lines.slice(c26 + 1, c26 + 6).filter((line) => line.includes('http/accessible'))).toEqual(['         http/accessible → (no scenario of the framework uses it for this criterion)']);
  });

  it('--json gives every framework with its counts and rows', () => {
    const run = runCli(['criteria', '--json']);
    expect(run.exitCode).toBe(0);
    const { frameworks } = JSON.parse(run.stdout) as { frameworks: Array<{ framework: string; counts: Record<string, number>; criteria: Array<{ code: string; status: string; checks: Array<{ id: string; scenarios: string[] }>; manual: string[] }> }> };
    expect(frameworks.map((f) => f.framework)).toEqual(['cdp-data-ia', 'dev-ia-ds', 'cdp-ia-aivancity', 'cdp-ia', 'cerf-ia']);
    for (const f of frameworks) expect(f.counts.checked + f.counts.manual + f.counts.uncovered).toBe(f.counts.total);
    const devIa = frameworks.find((f) => f.framework === 'dev-ia-ds')!;
    expect(devIa.counts).toEqual({ total: 25, checked: 18, manual: 7, uncovered: 0 });
    expect(devIa.criteria.find((c) => c.code === 'A1.2 C4')).toEqual({ code: 'A1.2 C4', label: 'Réaliser et paramétrer une procédure', status: 'checked', checks: [{ id: 'ml/training-procedure', scenarios: ['dev-ia-ds-bloc2-model'] }], manual: ['dev-ia-ds-bloc2-model'] });
    expect(devIa.criteria.find((c) => c.code === 'A1.2 C5')!.checks).toContainEqual({ id: 'ml/cross-validation', scenarios: ['dev-ia-ds-bloc2-model'] });
    // aivancity C2.5 and C3.5 are graded only through bloc 5's own `criteria` on analysis/dashboard and http/monitoring.
    const aivancity = frameworks.find((f) => f.framework === 'cdp-ia-aivancity')!;
    expect(aivancity.counts).toEqual({ total: 31, checked: 16, manual: 11, uncovered: 4 });
    expect(aivancity.criteria.find((c) => c.code === 'C3.5')!.checks).toEqual([{ id: 'http/monitoring', scenarios: ['cdp-ia-aivancity-bloc5-interface'] }]);
  });

  it('refuses an unknown framework, naming the known ones (exit 2)', () => {
    const run = runCli(['criteria', 'cdp-dta-ia', '--lang', 'en']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('MSPR_USAGE: Unknown framework: cdp-dta-ia.');
    expect(run.stderr).toContain('Did you mean cdp-data-ia?');
    expect(runCli(['criteria', 'rncp', '--lang', 'en']).stderr).toContain('Give one of: cdp-data-ia, dev-ia-ds, cdp-ia-aivancity, cdp-ia, cerf-ia.');
    expect(run.stdout).toBe('');
  });
});
