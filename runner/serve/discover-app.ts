import { posix } from 'node:path';
import type { ComposeFile } from '../plan/compose-file.js';
import { readDockerfile } from '../plan/dockerfile-command.js';
import type { Makefile } from '../plan/makefile.js';
import { codeOf, importsOwnPackage } from '../plan/own-package-imports.js';
import { findReadme, readmeCommands } from '../plan/readme-commands.js';
import type { RepoFiles } from '../plan/repo-files.js';
import { isTestFile } from '../plan/skip-rules.js';
import { parseShellLine, type SimpleCommand } from '../plan/shell-line.js';
import { type AppCommand, readAppCommand } from './app-command.js';

/** The team's app as the run plan found it: what starts it, from where, and why the plan thinks so. */
export interface PlannedApp extends AppCommand {
  cwd: string;
  /** `README.md:14`, `Makefile:9 (target api)`, `Dockerfile:12`, or `src/api/main.py:7 (app = FastAPI())`. */
  reason: string;
  /** The code imports the repository's own package: the root goes on PYTHONPATH. */
  pythonPathRoot: boolean;
}

const APP_OBJECT = /^(\w+)\s*(?::\s*\w+\s*)?=\s*(FastAPI|Flask)\s*\(/m;

/**
 * Finds the app, in order of trust: a server command in the README, the Makefile's recipes, the compose
 * file or the Dockerfile; else an app object in the code (`app = FastAPI()`, `app = Flask(__name__)`),
 * started with uvicorn or `flask run`. Nothing runs here.
 */
export function discoverApp(repo: RepoFiles, makefile: Makefile | undefined, compose: ComposeFile | undefined): PlannedApp | undefined {
  for (const { command, reason } of namedCommands(repo, makefile, compose)) {
    const app = readAppCommand(command.argv, command.cwd, repo);
    if (app) return finish(repo, app, command.cwd, reason);
  }
  return appObject(repo);
}

function* namedCommands(repo: RepoFiles, makefile: Makefile | undefined, compose: ComposeFile | undefined): Generator<{ command: SimpleCommand; reason: string }> {
  const readme = findReadme(repo);
  const text = readme ? repo.text(readme) : undefined;
  if (readme && text !== undefined) {
    for (const command of readmeCommands(text)) if (!command.placeholder) yield { command, reason: `${readme}:${command.line}` };
  }
  for (const target of makefile?.targets.values() ?? []) {
    for (const line of target.recipe) {
      for (const command of parseShellLine(makefile!.expand(line.text.replace(/^[@+-]+/, ''), target), '.').commands) {
        yield { command, reason: `${makefile!.file}:${line.line} (target ${target.name})` };
      }
    }
  }
  for (const service of compose?.services ?? []) if (service.command) yield { command: service.command, reason: service.command.reason };
  const dockerfile = readDockerfile(repo, 'Dockerfile')?.command;
  if (dockerfile) yield { command: dockerfile, reason: dockerfile.reason };
}

/** `app = FastAPI()` in a module: served as `module:app`, from the root. */
function appObject(repo: RepoFiles): PlannedApp | undefined {
  for (const path of repo.list()) {
    if (!path.endsWith('.py') || isTestFile(path) || path.split('/').some((part) => part.startsWith('.'))) continue;
    const text = repo.text(path, 512 * 1024);
    const match = text === undefined ? null : APP_OBJECT.exec(text);
    if (!match) continue;
    const line = text!.slice(0, match.index).split('\n').length;
    const module = path.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').join('.');
    const target = `${module}:${match[1]}`;
    const command = match[2] === 'FastAPI' ? ['uvicorn', target] : ['flask', '--app', target, 'run'];
    const app = readAppCommand(command, '.', repo);
    if (app) return finish(repo, { ...app, entry: path }, '.', `${path}:${line} (${match[0].replace(/\s*\($/, '()')})`);
  }
  return undefined;
}

function finish(repo: RepoFiles, app: AppCommand, cwd: string, reason: string): PlannedApp {
  const ownDir = app.entry ? posix.dirname(app.entry) : cwd;
  const pythonPathRoot = app.entry ? importsOwnPackage(repo, codeOf(repo, app.entry), ownDir) || app.run.includes('-m') : false;
  return { ...app, cwd, reason, pythonPathRoot };
}
