import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/load-scenario.js';
import { gatherRequirements } from '../../runner/environment/gather-requirements.js';
import { buildRunPlan } from '../../runner/plan/build-run-plan.js';
import { requirementSourcesOf } from '../../runner/plan/requirement-sources.js';
import { planSteps } from '../../runner/steps/plan-steps.js';
import { runCli } from '../helpers/run-cli.js';
import { tempRepo } from '../helpers/temp-repo.js';
import { buildWheel, DEMO_PACKAGE } from '../helpers/test-wheels.js';

/** Two more packages only the test's wheel folder has, for the notebook's and the model script's own files. */
const NOTEBOOK_PACKAGE = { name: 'mspr-carnet-pkg', version: '0.3.0', modules: { 'mspr_carnet_pkg/__init__.py': 'SEUIL = 42\n' } };
const MODEL_PACKAGE = { name: 'mspr-modele-pkg', version: '2.0.0', modules: { 'mspr_modele_pkg/__init__.py': 'NOM = "foret"\n' } };

const notebook = (source: string) =>
  JSON.stringify({ cells: [{ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source }], metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } }, nbformat: 4, nbformat_minor: 5 });
const script = (module: string, attribute: string) => `import ${module}\n\n\ndef main():\n    print(${module}.${attribute})\n\n\nif __name__ == "__main__":\n    main()\n`;

/**
 * A team that installs per folder: the README installs requirements/base.txt (the ETL's), the model script
 * and the notebook have a requirements.txt beside them, and docs/ holds one nothing runs (with a package
 * nobody provides: read, it would be unmet).
 */
const FILES = (readmeInstalls: boolean): Record<string, string> => ({
  'README.md': [
    '# Ventes — MSPR bloc 1',
    '',
    '## Installation',
    '',
    readmeInstalls ? '```bash\npip install -r requirements/base.txt\n```' : 'Voir le wiki de l’équipe.',
    '',
    '## Lancer',
    '',
    '```bash',
    'python etl/main.py',
    'python src/models/train.py',
    'jupyter nbconvert --to notebook --execute notebooks/01_analyse.ipynb',
    '```',
    '',
  ].join('\n'),
  'requirements/base.txt': 'mspr-demo-pkg==1.0.0\n',
  'etl/main.py': script('mspr_demo_pkg', '__version__'),
  'src/models/requirements.txt': 'mspr-modele-pkg>=2\n',
  'src/models/train.py': script('mspr_modele_pkg', 'NOM'),
  'notebooks/requirements.txt': 'mspr-carnet-pkg\n',
  'notebooks/01_analyse.ipynb': notebook('import mspr_carnet_pkg\nprint("seuil", mspr_carnet_pkg.SEUIL)\n'),
  'docs/requirements.txt': 'paquet-que-personne-ne-fournit==9.9\n',
});

const SCENARIO = 'id: plan-env\ntitle: x\nframework: cdp-data-ia\nbloc: 1\nsandbox: { backend: local, timeoutSec: 120 }\nsteps:\n  - { id: pipeline, candidate: true }\nchecks:\n  - use: steps/succeeded\n';

describe('the plan feeds the environment stage: the folders its steps run from and the files its README installs', () => {
  it('reads the requirements of the root, of each step’s folder and its file’s folder, and of the README’s pip install -r; not of a folder nothing runs from', async () => {
    const root = tempRepo(FILES(true)).root;
    const plan = buildRunPlan({ workspaceDir: root });
    expect(plan.steps.map((s) => [s.run.join(' '), s.cwd])).toEqual([
      ['python etl/main.py', '.'],
      ['python src/models/train.py', '.'],
      ['notebooks/01_analyse.ipynb', 'notebooks'],
    ]);
    expect(plan.requirementFiles).toEqual([{ file: 'requirements/base.txt', reason: 'README.md:6' }]);
    const scenarioFile = join(mkdtempSync(join(tmpdir(), 'mspr-scenario-')), 'plan-env.yaml');
    writeFileSync(scenarioFile, SCENARIO);
    const planned = planSteps((await loadScenario(scenarioFile)).scenario, plan);
    const sources = requirementSourcesOf(root, planned, plan);
    expect(sources).toEqual({ workspaceDir: root, folders: ['.', 'etl', 'src/models', 'notebooks'], files: ['requirements/base.txt'] });
    expect(gatherRequirements(sources).files).toEqual(['src/models/requirements.txt', 'notebooks/requirements.txt', 'requirements/base.txt']);
  });

  it('without the README’s install line, requirements/base.txt is not read (no step runs from there)', () => {
    const root = tempRepo(FILES(false)).root;
    const plan = buildRunPlan({ workspaceDir: root });
    expect(plan.requirementFiles).toEqual([]);
    const planned = [{ id: 'x', kind: 'command' as const, argv: ['python', 'etl/main.py'], entry: 'etl/main.py', cwd: '.', timeoutSec: 1, env: {}, optional: false }];
    expect(gatherRequirements(requirementSourcesOf(root, planned, plan)).files).toEqual([]);
  });

  describe('through the real CLI (local sandbox, real pip from a wheel folder the test builds)', () => {
    let wheelhouse: string;
    let scenarioFile: string;
    const cacheDir = mkdtempSync(join(tmpdir(), 'mspr-plan-env-cache-'));
    const env = { MSPR_CACHE_DIR: cacheDir, MSPR_PIP_INDEX_URL: '', MSPR_WHEELHOUSE: '' };
    beforeAll(() => {
      wheelhouse = mkdtempSync(join(tmpdir(), 'mspr-plan-env-wheels-'));
      for (const project of [DEMO_PACKAGE, NOTEBOOK_PACKAGE, MODEL_PACKAGE]) buildWheel(wheelhouse, project);
      scenarioFile = join(mkdtempSync(join(tmpdir(), 'mspr-scenario-')), 'plan-env.yaml');
      writeFileSync(scenarioFile, SCENARIO);
    });
    const check = (readmeInstalls: boolean) => {
      const repo = tempRepo(FILES(readmeInstalls)).root;
      const run = runCli(['check', repo, '--scenario', scenarioFile, '--sandbox', 'local', '--wheelhouse', wheelhouse, '--format', 'json'], env);
      rmSync(repo, { recursive: true, force: true });
      expect(run.report, run.stderr).toBeDefined();
      return { ...run, report: run.report! };
    };

    it('each step imports what its folder’s (or the README’s) requirements declare, and succeeds', () => {
      const { report, exitCode } = check(true);
      const environment = report.environment!;
      expect(environment.files).toEqual(['src/models/requirements.txt', 'notebooks/requirements.txt', 'requirements/base.txt']);
      expect(Object.fromEntries(environment.requirements.map((r) => [r.name, [r.status, r.declaredIn]]))).toEqual({
        'mspr-modele-pkg': ['installed', 'src/models/requirements.txt:1'],
        'mspr-carnet-pkg': ['installed', 'notebooks/requirements.txt:1'],
        'mspr-demo-pkg': ['installed', 'requirements/base.txt:1'],
      });
      expect(environment.status).toBe('ready');
      expect(report.plan!.steps.map((s) => [s.id, s.cwd])).toEqual([
        ['etl/main.py', '.'],
        ['src/models/train.py', '.'],
        ['notebooks/01_analyse.ipynb', 'notebooks'],
      ]);
      expect(report.steps.map((s) => [s.id, s.status]), report.steps.map((s) => s.stderrTail).join('\n')).toEqual([
        ['pipeline:etl/main.py', 'ok'],
        ['pipeline:src/models/train.py', 'ok'],
        ['pipeline:notebooks/01_analyse.ipynb', 'ok'],
      ]);
      expect(report.verdicts.map((v) => [v.id, v.status])).toEqual([['steps/succeeded', 'pass']]);
      expect(exitCode).toBe(0);
    });

    it('without the README’s install line, the ETL’s package is not installed and its import fails; the others still succeed', () => {
      const { report } = check(false);
      expect(report.environment!.files).toEqual(['src/models/requirements.txt', 'notebooks/requirements.txt']);
      expect(report.steps.map((s) => [s.id, s.status])).toEqual([
        ['pipeline:etl/main.py', 'failed'],
        ['pipeline:src/models/train.py', 'ok'],
        ['pipeline:notebooks/01_analyse.ipynb', 'ok'],
      ]);
      expect(report.steps[0]!.stderrTail).toContain("No module named 'mspr_demo_pkg'");
      // Nothing the grader reads declares it (requirements/base.txt is neither a requirements*.txt nor installed
      // by the README), and it is no well-known package: the team's to declare (see test/failure for the others).
      expect(report.steps[0]!.failure).toMatchObject({ owner: 'candidate', cause: 'module-not-found' });
      expect(report.verdicts.map((v) => [v.id, v.status])).toEqual([['steps/succeeded', 'fail']]);
    });
  });
});
