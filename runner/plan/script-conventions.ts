import { posix } from 'node:path';
import { t } from '../i18n.js';
import type { RepoFiles } from './repo-files.js';
import { emptyFindings, type SourceFindings } from './run-plan.js';
import { isTestFile, servesHttp, SKIP } from './skip-rules.js';

/** Entry points run even without a `__main__` guard (mspr-lab's first convention; teams rely on it). */
export const CONVENTIONAL_SCRIPTS = ['main.py', 'run.py', 'pipeline.py', 'src/main.py', 'src/run.py', 'src/pipeline.py'];

/** Name prefixes that say what a script does, in pipeline order: the ETL before the training. */
const STAGES: Array<[RegExp, number]> = [
  [/^etl/, 0],
  [/^extract/, 1],
  [/^clean/, 2],
  [/^transform/, 3],
  [/^load/, 4],
  [/^(main|run|pipeline)/, 5],
  [/^train/, 6],
  [/^model/, 7],
];
const ORCHESTRATOR = /^(main|run|pipeline)/;
const GUARD = /^if\s+__name__\s*==\s*(['"])__main__\1\s*:/m;
const NOT_CODE = /(^|\/)(docs?|migrations|alembic|examples?|scripts\/dev)\//;

interface Candidate {
  path: string;
  stage: number;
  line?: number;
  text: string;
}

/**
 * Scripts whose names say what they do (`etl*`, `extract*`, …, `train*`, `model*`, `main*`, `run*`), in
 * any folder, with a `__main__` guard, run ETL before training. When a root orchestrator (`main.py`,
 * `src/pipeline.py`…) exists, the stage scripts it imports are its business and are not run again.
 */
export function scriptFindings(repo: RepoFiles): SourceFindings {
  const findings = emptyFindings();
  const candidates: Candidate[] = [];
  for (const path of repo.list()) {
    if (!path.endsWith('.py') || isTestFile(path) || NOT_CODE.test(path) || posix.basename(path) === 'setup.py') continue;
    const stage = stageOf(path);
    const conventional = CONVENTIONAL_SCRIPTS.includes(path);
    if (stage === undefined && !conventional) continue;
    const text = repo.text(path, 512 * 1024) ?? '';
    const guard = GUARD.exec(text);
    if (!guard && !conventional) continue;
    if (servesHttp(text)) {
      findings.skipped.push({ path, reason: SKIP.server });
      continue;
    }
    candidates.push({ path, stage: stage ?? 5, line: guard ? lineAt(text, guard.index) : undefined, text });
  }
  const orchestrator = candidates
    .filter((c) => isRootOrchestrator(c.path))
    .sort((a, b) => rank(a.path) - rank(b.path))[0];
  const chosen = candidates
    .filter((c) => {
      if (!orchestrator || c === orchestrator) return true;
      if (isRootOrchestrator(c.path)) {
        findings.skipped.push({ path: c.path, reason: t(`autre point d’entrée : ${orchestrator.path} est exécuté à sa place`, `another entry point: ${orchestrator.path} is run instead`) });
        return false;
      }
      if (!calledBy(orchestrator.text, c.path)) return true;
      findings.skipped.push({ path: c.path, reason: t(`appelé par ${orchestrator.path}, qui est exécuté`, `called by ${orchestrator.path}, which is run`) });
      return false;
    })
    .sort((a, b) => a.stage - b.stage || depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : 1));
  for (const c of chosen) {
    findings.steps.push({ kind: 'command', run: ['python', c.path], cwd: '.', reason: c.line ? `${c.path}:${c.line} (__main__)` : `${c.path} (conventional name)`, entry: c.path });
  }
  return findings;
}

/** The stage a script's name says; a generic name (`etl/main.py`) takes its folder's. */
function stageOf(path: string): number | undefined {
  const stem = posix.basename(path, '.py').toLowerCase();
  const own = STAGES.find(([pattern]) => pattern.test(stem))?.[1];
  if (own !== undefined && !(ORCHESTRATOR.test(stem) && !isRootOrchestrator(path))) return own;
  const folder = posix.basename(posix.dirname(path)).toLowerCase();
  return STAGES.find(([pattern]) => pattern.test(folder))?.[1] ?? own;
}

function isRootOrchestrator(path: string): boolean {
  return ORCHESTRATOR.test(posix.basename(path)) && (!path.includes('/') || /^src\/[^/]+$/.test(path));
}

function rank(path: string): number {
  const known = CONVENTIONAL_SCRIPTS.indexOf(path);
  return known >= 0 ? known : CONVENTIONAL_SCRIPTS.length;
}

/** The orchestrator imports the script (`from src.etl.build import …`, `import build`) or names its file. */
function calledBy(orchestrator: string, path: string): boolean {
  const dotted = path.slice(0, -3).split('/');
  const stem = dotted.at(-1)!;
  if (new RegExp(`\\b${escape(stem)}\\.py\\b`).test(orchestrator)) return true;
  for (const match of orchestrator.matchAll(/^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import[ \t]+([\w, \t()]+)|import[ \t]+([\w.]+))/gm)) {
    const modules = match[3] ? [match[3]] : [match[1]!, ...match[2]!.split(',').map((name) => `${match[1]}.${name.replace(/[()\s]/g, '')}`)];
    for (const module of modules) {
      const parts = module.replace(/^\.+/, '').split('.');
      if (parts.length > 0 && parts.length <= dotted.length && parts.every((part, i) => part === dotted[dotted.length - parts.length + i])) return true;
    }
  }
  return false;
}

function depth(path: string): number {
  return path.split('/').length;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
