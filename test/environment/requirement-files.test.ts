import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherRequirements } from '../../runner/environment/gather-requirements.js';
import { parseDependencyFile } from '../../runner/environment/parse-dependency-file.js';
import { poetrySpecifier } from '../../runner/environment/parse-pyproject.js';
import { pipRequirement } from '../../runner/environment/requirement.js';
import { tempRepo, utf16le } from '../helpers/temp-repo.js';

const pips = (path: string, text: string) => parseDependencyFile(path, text).requirements.map(pipRequirement);
const ignored = (path: string, text: string) => parseDependencyFile(path, text).ignored.map((i) => [i.declaredIn, i.reason]);

describe('requirements.txt', () => {
  it('reads names, extras, specifiers and markers, normalised', () => {
    const text = [
      '# Dépendances du projet',
      'pandas==2.1.3',
      'Scikit_Learn >= 1.2 , < 1.4   # ML',
      'uvicorn[standard]>=0.20',
      'python-dotenv',
      'pywin32 ; sys_platform == "win32"',
      'numpy (>=1.24)',
      'requests>=2.28 \\',
      '    --hash=sha256:0123456789abcdef',
      '',
    ].join('\n');
    expect(pips('requirements.txt', text)).toEqual([
      'pandas==2.1.3',
      'scikit-learn<1.4,>=1.2',
      'uvicorn[standard]>=0.20',
      'python-dotenv',
      'pywin32; sys_platform == "win32"',
      'numpy>=1.24',
      'requests>=2.28',
    ]);
    const parsed = parseDependencyFile('requirements.txt', text);
    expect(parsed.requirements[1]).toMatchObject({ displayName: 'Scikit_Learn', declaredIn: 'requirements.txt:3' });
    expect(parsed.requirements[6]).toMatchObject({ declaredIn: 'requirements.txt:8' });
  });

  it('never hands pip an index, a local path or a URL from the repository', () => {
    const text = [
      '--index-url https://evil.example/simple',
      '--extra-index-url https://evil.example/simple',
      '-i https://evil.example/simple',
      '--trusted-host evil.example',
      '-e .',
      './libs/outils',
      'dist/outil-1.0-py3-none-any.whl',
      'git+https://github.com/x/y.git@main#egg=y',
      'monpaquet @ https://example.org/monpaquet-1.0.tar.gz',
      '-c contraintes.txt',
      'pandas',
    ].join('\n');
    expect(pips('requirements.txt', text)).toEqual(['pandas']);
    expect(ignored('requirements.txt', text)).toEqual([
      ['requirements.txt:1', 'option'],
      ['requirements.txt:2', 'option'],
      ['requirements.txt:3', 'option'],
      ['requirements.txt:4', 'option'],
      ['requirements.txt:5', 'local-path'],
      ['requirements.txt:6', 'local-path'],
      ['requirements.txt:7', 'local-path'],
      ['requirements.txt:8', 'url'],
      ['requirements.txt:9', 'url'],
      ['requirements.txt:10', 'option'],
    ]);
  });

  it('lists includes, and a line that is no requirement as unreadable', () => {
    const parsed = parseDependencyFile('requirements.txt', '-r base.txt\n--requirement=dev.txt\npandas=1.5\n');
    expect(parsed.includes).toEqual(['base.txt', 'dev.txt']);
    expect(parsed.requirements).toEqual([]);
    expect(parsed.ignored).toEqual([{ text: 'pandas=1.5', declaredIn: 'requirements.txt:3', reason: 'unreadable' }]);
  });
});

describe('pyproject.toml', () => {
  it('PEP 621 dependencies, optional ones left out', () => {
    const text = '[project]\nname = "etl"\ndependencies = [\n  "pandas>=1.5",\n  "SQLAlchemy[postgresql]~=1.4",\n]\n[project.optional-dependencies]\ndev = ["pytest"]\n';
    expect(pips('pyproject.toml', text)).toEqual(['pandas>=1.5', 'sqlalchemy[postgresql]~=1.4']);
    expect(parseDependencyFile('pyproject.toml', text).requirements[1]!.declaredIn).toBe('pyproject.toml:5');
  });

  it('Poetry dependencies with caret, tilde, tables; python, dev groups and optional ones left out', () => {
    const text = [
      '[tool.poetry.dependencies]',
      'python = "^3.10"',
      'pandas = "^2.1"',
      'numpy = "~1.24.2"',
      'requests = "*"',
      'sqlalchemy = { version = "^0.9.1", extras = ["asyncio"] }',
      'seaborn = { version = "0.12.2", optional = true }',
      'outils = { path = "../outils" }',
      '[tool.poetry.group.dev.dependencies]',
      'pytest = "^7"',
    ].join('\n');
    expect(pips('pyproject.toml', text)).toEqual(['pandas<3,>=2.1', 'numpy<1.25,>=1.24.2', 'requests', 'sqlalchemy[asyncio]<0.10,>=0.9.1']);
    expect(ignored('pyproject.toml', text)).toEqual([['pyproject.toml:8', 'local-path']]);
  });

  it.each([
    ['^1.2.3', '<2,>=1.2.3'],
    ['^0.2.3', '<0.3,>=0.2.3'],
    ['^0.0.3', '<0.0.4,>=0.0.3'],
    ['~1.2', '<1.3,>=1.2'],
    ['~1', '<2,>=1'],
    ['1.2.*', '==1.2.*'],
    ['2.0.1', '==2.0.1'],
    ['>=1.0,<2', '<2,>=1.0'],
    ['^1 || ^2', ''],
  ])('Poetry constraint %s → %s', (constraint, expected) => {
    expect(poetrySpecifier(constraint)).toBe(expected);
  });

  it('an invalid file is reported, not thrown', () => {
    expect(ignored('pyproject.toml', '[project\ndependencies = [')).toEqual([['pyproject.toml', 'unreadable']]);
  });
});

describe('environment.yml', () => {
  it('conda names mapped to pip names, conda versions translated, the pip part as requirements', () => {
    const text = [
      'name: mspr',
      'channels: [conda-forge]',
      'dependencies:',
      '  - python=3.11',
      '  - pandas=1.5',
      '  - conda-forge::numpy==1.24.2=py311_0',
      '  - pytorch>=1.13',
      '  - scikit-learn',
      '  - cudatoolkit=11.8',
      '  - pip',
      '  - pip:',
      '    - missingno==0.5.2',
      '    - -r requirements-api.txt',
    ].join('\n');
    expect(pips('environment.yml', text)).toEqual(['pandas==1.5.*', 'numpy==1.24.2', 'torch>=1.13', 'scikit-learn', 'missingno==0.5.2']);
    const parsed = parseDependencyFile('environment.yml', text);
    expect(parsed.includes).toEqual(['requirements-api.txt']);
    expect(parsed.requirements.at(-1)!.declaredIn).toBe('environment.yml:12');
    expect(parsed.ignored.map((i) => [i.text, i.reason])).toEqual([
      ['python=3.11', 'conda-only'],
      ['cudatoolkit=11.8', 'conda-only'],
      ['pip', 'conda-only'],
    ]);
  });
});

describe('gathering a repository’s requirements', () => {
  it('reads every requirements*.txt, pyproject.toml and environment.yml of the step folders, follows -r, merges packages', () => {
    const repo = tempRepo({
      'requirements.txt': '-r requirements/base.txt\npandas>=1.5\n',
      'requirements/base.txt': 'numpy\nPandas<3\n',
      'requirements-dev.txt': 'pytest\n',
      'api/requirements.txt': 'fastapi\n',
      'etl/pyproject.toml': '[project]\ndependencies = ["sqlalchemy>=1.4"]\n',
      'docs/requirements.txt': 'sphinx\n',
    });
    const gathered = gatherRequirements({ workspaceDir: repo.root, folders: ['.', 'etl'], files: ['api/requirements.txt'] });
    expect(gathered.files).toEqual(['requirements-dev.txt', 'requirements.txt', 'etl/pyproject.toml', 'api/requirements.txt', 'requirements/base.txt']);
    expect(gathered.requirements.map(pipRequirement)).toEqual(['pytest', 'pandas<3,>=1.5', 'sqlalchemy>=1.4', 'fastapi', 'numpy']);
    expect(gathered.requirements.find((r) => r.name === 'pandas')!.declaredIn).toBe('requirements.txt:2');
  });

  it('a requirements file saved as UTF-16 by PowerShell', () => {
    const repo = tempRepo({ 'requirements.txt': utf16le('pandas==1.5.3\r\nnumpy==1.24.2\r\n') });
    expect(gatherRequirements({ workspaceDir: repo.root, folders: ['.'], files: [] }).requirements.map(pipRequirement)).toEqual(['pandas==1.5.3', 'numpy==1.24.2']);
  });

  it('reads nothing outside the workspace: ../ paths, links out, special and huge files', () => {
    const outside = mkdtempSync(join(tmpdir(), 'mspr-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'leak\n');
    const repo = tempRepo({ 'requirements.txt': '-r ../secret.txt\n-r lien.txt\n-r gros.txt\npandas\n', 'gros.txt': `${'numpy\n'.repeat(200_000)}` });
    symlinkSync(join(outside, 'secret.txt'), join(repo.root, 'lien.txt'));
    symlinkSync(outside, join(repo.root, 'sous'));
    const gathered = gatherRequirements({ workspaceDir: repo.root, folders: ['.', '../', 'sous'], files: ['/etc/passwd', 'sous/secret.txt'] });
    expect(gathered.requirements.map(pipRequirement)).toEqual(['pandas']);
    expect(gathered.files).toEqual(['requirements.txt']);
    expect(gathered.ignored.map((i) => [i.text, i.reason])).toEqual([
      ['sous/secret.txt', 'unreadable'],
      ['lien.txt', 'unreadable'],
      ['gros.txt', 'unreadable'],
    ]);
  });
});
