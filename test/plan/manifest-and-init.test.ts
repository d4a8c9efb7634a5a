import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRunPlan } from '../../runner/plan/build-run-plan.js';
import { planToYaml } from '../../runner/plan/plan-yaml.js';
import { readCandidateManifest, readManifestFile } from '../../runner/submission/candidate-manifest.js';
import { tempRepo } from '../helpers/temp-repo.js';
import { planOf, script, stepsOf } from './plan-helpers.js';

const REPO = {
  'README.md': '## Lancer\n\n```\ncd etl && python build.py --annee "2024 T1"\npython -m src.pipeline\njupyter nbconvert --execute --to notebook notebooks/01_eda.ipynb\npytest\n```\n',
  'etl/build.py': '',
  'src/__init__.py': '',
  'src/pipeline.py': 'from src.etl import charger\n',
  'src/etl.py': '',
  'notebooks/01_eda.ipynb': '{"cells": []}',
  'train.py': script(),
};

describe('mspr.yaml run: forms, and `init` output read back', () => {
  it('string, argv and { run, cwd } forms, each with its manifest line as reason', () => {
    const repo = tempRepo({
      ...REPO,
      'mspr.yaml': 'run:\n  - train.py\n  - notebooks/01_eda.ipynb\n  - [python, -m, src.pipeline]\n  - { run: build.py, cwd: etl }\n  - run: [python, build.py, --x]\n    cwd: etl/\ndatasetsDir: data\n',
    });
    const read = readCandidateManifest(repo.root)!;
    const plan = buildRunPlan({ workspaceDir: repo.root, manifest: { ...read, origin: 'manifest' } });
    expect(plan.origin).toBe('manifest');
    expect(plan.steps.map(({ id, kind, run, cwd, reason, entry }) => ({ id, kind, run, cwd, reason, entry }))).toEqual([
      { id: 'train.py', kind: 'command', run: ['python', 'train.py'], cwd: '.', reason: 'mspr.yaml:2', entry: 'train.py' },
      { id: 'notebooks/01_eda.ipynb', kind: 'notebook', run: ['notebooks/01_eda.ipynb'], cwd: 'notebooks', reason: 'mspr.yaml:3', entry: 'notebooks/01_eda.ipynb' },
      { id: 'python -m src.pipeline', kind: 'command', run: ['python', '-m', 'src.pipeline'], cwd: '.', reason: 'mspr.yaml:4', entry: 'src/pipeline.py' },
      { id: 'etl/build.py', kind: 'command', run: ['python', 'build.py'], cwd: 'etl', reason: 'mspr.yaml:5', entry: 'etl/build.py' },
      { id: 'cd etl && python build.py --x', kind: 'command', run: ['python', 'build.py', '--x'], cwd: 'etl', reason: 'mspr.yaml:6', entry: 'etl/build.py' },
    ]);
    // The README still says which requirement files it installs, whatever gives the plan.
    expect(plan.notes[0]!.en).toBe('Plan read from mspr.yaml: train.py, notebooks/01_eda.ipynb, python -m src.pipeline, etl/build.py, cd etl && python build.py --x.');
  });

  it('an invalid mspr.yaml says what is wrong and on which line', () => {
    const repo = tempRepo({ 'mspr.yaml': 'run:\n  - etl.py\n  - { cwd: etl }\n  - notes.txt\ndatasetDir: data\n' });
    expect(() => readCandidateManifest(repo.root)).toThrow(expect.objectContaining({
      details: [
        'mspr.yaml:1: (root): unknown property "datasetDir"',
        'mspr.yaml:3: run[1]: must be a script or notebook path (.py, .ipynb), an argv list ([python, -m, pkg.mod]), or { run: …, cwd: folder }',
        'mspr.yaml:4: run[2]: must be a script or notebook path (.py, .ipynb), an argv list ([python, -m, pkg.mod]), or { run: …, cwd: folder }',
      ],
    }));
    const bad = tempRepo({ 'mspr.yaml': 'datasetsDir: data\nrun:\n  - etl.py\n - train.py\n' });
    expect(() => readCandidateManifest(bad.root)).toThrow(expect.objectContaining({
      text: {
        fr: 'mspr.yaml, ligne 4, colonne 1 : YAML invalide — liste mal placée (indentation ?) (A block sequence may not be used as an implicit map key)',
        en: 'mspr.yaml, line 4, column 1: invalid YAML — A block sequence may not be used as an implicit map key',
      },
      excerpt: ['3 |   - etl.py', '4 |  - train.py', '  | ^'].join('\n'),
    }));
  });

  it('init writes every step with its reason as a comment; read back, the manifest gives the same plan', () => {
    const repo = tempRepo(REPO);
    const discovered = buildRunPlan({ workspaceDir: repo.root });
    expect(stepsOf(discovered)).toEqual([
      { run: ['python', 'build.py', '--annee', '2024 T1'], cwd: 'etl', reason: 'README.md:4' },
      { run: ['python', '-m', 'src.pipeline'], cwd: '.', reason: 'README.md:5' },
      { run: ['notebooks/01_eda.ipynb'], cwd: 'notebooks', reason: 'README.md:6' },
    ]);
    const yaml = planToYaml(discovered, 'en', { datasetsDir: 'data' });
    expect(yaml).toBe(
      [
        '# mspr.yaml — written by `mspr-lab init` from what the repository says; edit it freely.',
        '# Each run: line says where it came from. Format: mspr-lab’s docs/candidate-manifest.md.',
        'run:',
        '  - { run: [python, build.py, --annee, "2024 T1"], cwd: etl }  # README.md:4',
        '  - [python, -m, src.pipeline]                                 # README.md:5',
        '  - notebooks/01_eda.ipynb                                     # README.md:6',
        'datasetsDir: data',
        '# Not run:',
        '#   pytest (README.md:7): tests: not part of the pipeline (the grading judges what the pipeline produces)',
        '#   train.py (train.py:5 (__main__)): not run: the plan comes from README.md',
        '',
      ].join('\n'),
    );
    writeFileSync(join(repo.root, 'mspr.yaml'), yaml);
    const read = readManifestFile(join(repo.root, 'mspr.yaml'), 'mspr.yaml');
    expect(read.manifest.datasetsDir).toBe('data');
    const again = buildRunPlan({ workspaceDir: repo.root, manifest: { ...read, origin: 'manifest' } });
    const same = (plan: typeof again) => plan.steps.map(({ id, kind, run, cwd, entry, pythonPathRoot }) => ({ id, kind, run, cwd, entry, pythonPathRoot }));
    expect(same(again)).toEqual(same(discovered));
    expect(again.steps.map((s) => s.reason)).toEqual(['mspr.yaml:4', 'mspr.yaml:5', 'mspr.yaml:6']);
  });

  it('an empty plan is written as a commented example, still a valid manifest', () => {
    const repo = tempRepo({ 'README.md': '# Rien\n' });
    const yaml = planToYaml(planOf({ 'README.md': '# Rien\n' }), 'fr');
    expect(yaml).toContain('# Aucune étape trouvée');
    writeFileSync(join(repo.root, 'mspr.yaml'), yaml);
    expect(readCandidateManifest(repo.root)!.manifest).toEqual({});
  });
});
