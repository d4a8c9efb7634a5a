import { describe, expect, it } from 'vitest';
import { contentKey, type KeyInputs } from '../../runner/environment/content-key.js';
import { debianPackageFor, importNamesFor, packageForImport, pipNameForConda, toDebianPackages } from '../../runner/environment/debian-mapping.js';
import { redactUrl } from '../../runner/environment/environment-settings.js';
import { pipArguments } from '../../runner/environment/pip-invocation.js';
import { parseDependencyFile } from '../../runner/environment/parse-dependency-file.js';
import { readFileSync } from 'node:fs';
import { packagePath } from '../../runner/paths.js';

const requirements = (text: string, file = 'requirements.txt') => parseDependencyFile(file, text).requirements;
const base: KeyInputs = { interpreter: { backend: 'local', version: '3.11.2', platform: 'linux-x86_64', site: 'abc' }, requirements: requirements('pandas>=1.5\nmissingno\n'), trustedHosts: [], allowSdist: false };

describe('the content key of an install', () => {
  it('is the same for the same packages, whatever the order, spelling, comments or file', () => {
    const other = { ...base, requirements: requirements('# équipe 12\nMissingNo\nPandas >= 1.5   # données\n', 'api/requirements-prod.txt') };
    expect(contentKey(other)).toBe(contentKey(base));
  });

  it.each([
    ['another version constraint', { requirements: requirements('pandas>=2\nmissingno\n') }],
    ['another package', { requirements: requirements('pandas>=1.5\nmissingno\nshap\n') }],
    ['another interpreter', { interpreter: { ...base.interpreter, version: '3.12.1' } }],
    ['other system packages', { interpreter: { ...base.interpreter, site: 'abd' } }],
    ['another image', { interpreter: { backend: 'docker', image: 'sha256:1' } }],
    ['an index', { indexUrl: 'https://pypi.ecole.fr/simple' }],
    ['a wheel folder', { wheelhouse: 'f00d' }],
    ['source archives allowed', { allowSdist: true }],
  ])('changes with %s', (_what, change) => {
    expect(contentKey({ ...base, ...change })).not.toBe(contentKey(base));
  });
});

describe('pip options', () => {
  it('without an index: --no-index, wheels only; the wheel folder as --find-links', () => {
    expect(pipArguments({ trustedHosts: [], allowSdist: false, wheelhouse: '/w' })).toEqual([
      '--isolated', '--no-input', '--disable-pip-version-check', '--no-cache-dir', '--progress-bar', 'off', '--no-warn-script-location',
      '--no-index', '--find-links', '/w', '--only-binary=:all:',
    ]);
  });

  it('with an index: --index-url and trusted hosts, never --no-index; --allow-sdist drops --only-binary', () => {
    const args = pipArguments({ indexUrl: 'http://miroir:8080/simple', trustedHosts: ['miroir'], allowSdist: true });
    expect(args).toContain('--index-url');
    expect(args.slice(args.indexOf('--trusted-host'))).toEqual(['--trusted-host', 'miroir']);
    expect(args).not.toContain('--no-index');
    expect(args).not.toContain('--only-binary=:all:');
  });

  it('masks credentials of an index URL in reports', () => {
    expect(redactUrl('https://eleve:s3cret@pypi.ecole.fr/simple')).toBe('https://eleve:***@pypi.ecole.fr/simple');
    expect(redactUrl('https://TOKEN@pypi.ecole.fr/simple')).toBe('https://***@pypi.ecole.fr/simple');
    expect(redactUrl('https://pypi.ecole.fr/simple')).toBe('https://pypi.ecole.fr/simple');
  });
});

describe('the pip → Debian mapping', () => {
  it('knows at least forty usual packages with a Debian package', () => {
    const file = JSON.parse(readFileSync(packagePath('runner/environment/debian-packages.json'), 'utf8')) as { packages: Record<string, { debian: string | null }> };
    expect(Object.values(file.packages).filter((entry) => entry.debian).length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['pandas', 'python3-pandas', ['pandas']],
    ['scikit-learn', 'python3-sklearn', ['sklearn']],
    ['python-dotenv', 'python3-dotenv', ['dotenv']],
    ['PyMySQL', 'python3-pymysql', ['pymysql']],
    ['psycopg2-binary', 'python3-psycopg2', ['psycopg2']],
    ['beautifulsoup4', 'python3-bs4', ['bs4']],
    ['imbalanced_learn', 'python3-imblearn', ['imblearn']],
  ])('%s → %s, imported as %j', (pip, debian, imports) => {
    expect(debianPackageFor(pip)).toBe(debian);
    expect(importNamesFor(pip)).toEqual(imports);
  });

  it('an unknown package is imported under its own name; import names lead back to packages', () => {
    expect(importNamesFor('mspr-demo-pkg')).toEqual(['mspr_demo_pkg']);
    expect(debianPackageFor('missingno')).toBeUndefined();
    expect(packageForImport('sklearn.linear_model')?.pipName).toBe('scikit-learn');
    expect(packageForImport('dotenv')?.pipName).toBe('python-dotenv');
  });

  it('--extra-packages takes Debian names and pip names, and says which have no Debian package', () => {
    expect(toDebianPackages(['python-dotenv', 'python3-shapely', 'scikit-learn', 'graphviz', 'missingno', ''])).toEqual({
      packages: ['python3-dotenv', 'python3-shapely', 'python3-sklearn', 'graphviz'],
      unknown: ['missingno'],
    });
  });

  it('conda names: renamed or skipped', () => {
    expect(pipNameForConda('pytorch')).toBe('torch');
    expect(pipNameForConda('python')).toBeUndefined();
    expect(pipNameForConda('r-ggplot2')).toBeUndefined();
    expect(pipNameForConda('pandas')).toBe('pandas');
  });
});

describe('images build --extra-packages', () => {
  it('adds the packages to the python recipe only, and they change the image’s content tag', async () => {
    const { withExtraPackages } = await import('../../runner/images/build-images.js');
    const { RECIPES } = await import('../../runner/images/recipes.js');
    const { contentTag, imageContent } = await import('../../runner/images/content-tag.js');
    const archive = { suite: 'bookworm', mirror: 'http://deb.debian.org/debian', sourcesText: 'Types: deb\n', keyring: undefined };
    const script = packagePath('runner/images/debian/build-rootfs.sh');
    const versions = (names: string[]) => Object.fromEntries(names.map((name) => [name, '1.0']));
    const plain = RECIPES.python;
    const extended = withExtraPackages(plain, ['python3-dotenv', 'python3-pandas']);
    expect(extended.packages).toEqual([...plain.packages, 'python3-dotenv']);
    expect(withExtraPackages(RECIPES.postgres, ['python3-dotenv'])).toBe(RECIPES.postgres);
    const tag = (recipe: typeof plain) => contentTag(imageContent(recipe, archive, versions(recipe.packages), script));
    expect(tag(extended)).not.toBe(tag(plain));
    expect(plain.packages).toContain('python3-pip');
  });
});

describe('environment settings', () => {
  it('flags first, then MSPR_* variables; the cache under MSPR_CACHE_DIR', async () => {
    const { resolveEnvironmentSettings } = await import('../../runner/environment/environment-settings.js');
    const env = { MSPR_PIP_INDEX_URL: 'https://pypi.ecole.fr/simple', MSPR_PIP_TRUSTED_HOST: 'pypi.ecole.fr, miroir', MSPR_CACHE_DIR: '/srv/cache', MSPR_ALLOW_SDIST: '1' };
    expect(resolveEnvironmentSettings({}, env)).toMatchObject({ indexUrl: 'https://pypi.ecole.fr/simple', trustedHosts: ['pypi.ecole.fr', 'miroir'], cacheDir: '/srv/cache', allowSdist: true, wheelhouse: undefined });
    expect(resolveEnvironmentSettings({ pipIndex: 'http://127.0.0.1:3141/simple', pipTrustedHost: ['127.0.0.1'], allowSdist: false }, env)).toMatchObject({ indexUrl: 'http://127.0.0.1:3141/simple', trustedHosts: ['127.0.0.1'], allowSdist: false });
    expect(resolveEnvironmentSettings({}, {})).toMatchObject({ indexUrl: undefined, trustedHosts: [], allowSdist: false });
  });

  it.each([
    [{ pipIndex: 'pypi.ecole.fr' }, 'Invalid pip index: pypi.ecole.fr'],
    [{ wheelhouse: '/nonexistent/wheels' }, 'Wheel folder not found: /nonexistent/wheels'],
  ])('a wrong setting is the grader’s error (%j)', async (flags, message) => {
    const { resolveEnvironmentSettings } = await import('../../runner/environment/environment-settings.js');
    expect(() => resolveEnvironmentSettings(flags, {})).toThrow(message);
  });
});
