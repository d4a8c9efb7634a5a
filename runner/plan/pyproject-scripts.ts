import { parse as parseToml } from 'smol-toml';
import { t } from '../i18n.js';
import { moduleFiles } from './python-command.js';
import type { RepoFiles } from './repo-files.js';
import { emptyFindings, type SourceFindings } from './run-plan.js';
import { servesHttp, SKIP } from './skip-rules.js';

/**
 * `[project.scripts]` (and Poetry's `[tool.poetry.scripts]`): `etl = "src.pipeline:main"` is what the team
 * runs as `etl` once installed. The plan calls the function the same way the installed script would, so
 * nothing needs installing; a `src/` layout's package is imported from `src`.
 */
export function pyprojectFindings(repo: RepoFiles): SourceFindings {
  const findings = emptyFindings();
  const text = repo.text('pyproject.toml', 256 * 1024);
  if (text === undefined) return findings;
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(text) as Record<string, unknown>;
  } catch {
    findings.skipped.push({ path: 'pyproject.toml', reason: t('pyproject.toml illisible (TOML invalide)', 'pyproject.toml unreadable (invalid TOML)') });
    return findings;
  }
  const project = (parsed.project ?? {}) as { scripts?: Record<string, unknown> };
  const poetry = ((parsed.tool ?? {}) as { poetry?: { scripts?: Record<string, unknown> } }).poetry;
  const scripts = { ...(poetry?.scripts ?? {}), ...(project.scripts ?? {}) };
  const lines = text.split(/\r?\n/);
  for (const [name, value] of Object.entries(scripts)) {
    const line = lines.findIndex((l) => new RegExp(`^\\s*["']?${name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}["']?\\s*=`).test(l)) + 1;
    const reason = `pyproject.toml:${line || 1} (script ${name})`;
    const target = typeof value === 'string' ? /^\s*([\w.]+)\s*:\s*([\w.]+)/.exec(value) : null;
    if (!target) {
      findings.skipped.push({ path: `${name} = ${JSON.stringify(value)}`, source: reason, reason: t('point d’entrée illisible (attendu « module:fonction »)', 'unreadable entry point (expected "module:function")') });
      continue;
    }
    const [, module, attribute] = target as unknown as [string, string, string];
    const inRoot = moduleFiles('.', module).find((file) => repo.isFile(file));
    const inSrc = inRoot ? undefined : moduleFiles('src', module).find((file) => repo.isFile(file));
    const entry = inRoot ?? inSrc;
    if (!entry) {
      findings.skipped.push({ path: `${name} = "${value as string}"`, source: reason, reason: t(`le module ${module} n’est pas dans le dépôt`, `the module ${module} is not in the repository`) });
      continue;
    }
    if (servesHttp(repo.text(entry, 512 * 1024) ?? '')) {
      findings.skipped.push({ path: `${name} = "${value as string}"`, source: reason, reason: SKIP.server });
      continue;
    }
    const [head, ...rest] = attribute.split('.');
    const call = [head, ...rest].join('.');
    const code = `import sys; ${inSrc ? 'sys.path.insert(0, "src"); ' : ''}from ${module} import ${head}; sys.exit(${call}())`;
    findings.steps.push({ kind: 'command', run: ['python', '-c', code], cwd: '.', reason, entry });
  }
  return findings;
}
