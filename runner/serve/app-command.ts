import { posix } from 'node:path';
import { readPythonCommand } from '../plan/python-command.js';
import type { RepoFiles } from '../plan/repo-files.js';
import { servesHttp } from '../plan/skip-rules.js';
import { joinCwd } from '../plan/working-directory.js';

/** The web framework an app command starts. */
export type AppFramework = 'fastapi' | 'flask' | 'streamlit' | 'other';

/** A command that starts the team's app, rewritten so the runner chooses where it listens. */
export interface AppCommand {
  framework: AppFramework;
  /** argv with `{host}` and `{port}` where the runner puts its address; `python` = the sandbox's interpreter. */
  run: string[];
  /** The file or module the command serves (`src/api/main.py`), relative to the workspace. */
  entry?: string;
}

/** Options of the server commands that set the address or a reloader: the runner sets these itself. */
const ADDRESS_OPTIONS = new Set(['--host', '-h', '--port', '-p', '--bind', '-b', '--workers', '--server.port', '--server.address']);
const FLAG_OPTIONS = new Set(['--reload', '--debug', '--no-debug', '--reload-dir', '--with-threads']);

/**
 * Reads a command as the start of a web app: `uvicorn mod:app`, `python -m uvicorn`, `flask --app x run`,
 * `python -m flask run`, `streamlit run x.py`, or `python app.py` whose code starts Flask/FastAPI itself.
 * Server programs become `python -m <program>` so the team's venv (and the tracer) is the one that runs.
 */
export function readAppCommand(argv: string[], cwd: string, repo: RepoFiles): AppCommand | undefined {
  const base = posix.basename(argv[0] ?? '');
  let program = base;
  let rest = argv.slice(1);
  const python = readPythonCommand(argv);
  if (python?.module) {
    program = python.module;
    rest = python.args;
  } else if (python?.script) {
    const entry = joinCwd(cwd, python.script);
    const text = entry ? repo.text(entry, 512 * 1024) : undefined;
    if (!entry) return undefined;
    if (text === undefined || !servesHttp(text)) return undefined;
    const framework: AppFramework = /^\s*(from|import)\s+fastapi\b/m.test(text) ? 'fastapi' : /^\s*(from|import)\s+flask\b/m.test(text) ? 'flask' : /^\s*(from|import)\s+streamlit\b/m.test(text) ? 'streamlit' : 'other';
    if (framework === 'streamlit') return streamlit(python.script, entry);
    return { framework, run: ['python', python.script, ...python.args], entry };
  }
  if (program === 'uvicorn') {
    const target = withoutAddress(rest).find((word) => !word.startsWith('-') && word.includes(':'));
    if (!target) return undefined;
    return { framework: 'fastapi', run: ['python', '-m', 'uvicorn', target, '--host', '{host}', '--port', '{port}'], entry: moduleFile(cwd, target.split(':')[0]!) };
  }
  if (program === 'flask' && rest.includes('run')) {
    const before = rest.slice(0, rest.indexOf('run'));
    const appIndex = before.findIndex((word) => word === '--app' || word === '-A');
    const app = appIndex >= 0 ? before[appIndex + 1] : undefined;
    return { framework: 'flask', run: ['python', '-m', 'flask', ...(app ? ['--app', app] : []), 'run', '--host', '{host}', '--port', '{port}', '--no-reload'], ...(app ? { entry: moduleFile(cwd, app.split(':')[0]!) } : {}) };
  }
  if (program === 'streamlit' && rest[0] === 'run' && rest[1]) return streamlit(rest[1], joinCwd(cwd, rest[1]) ?? rest[1]);
  return undefined;
}

function streamlit(script: string, entry: string): AppCommand {
  return { framework: 'streamlit', run: ['python', '-m', 'streamlit', 'run', script, '--server.address', '{host}', '--server.port', '{port}', '--server.headless', 'true'], entry };
}

/** The command's words without the address and reload options (and their values). */
function withoutAddress(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const name = word.split('=')[0]!;
    if (ADDRESS_OPTIONS.has(name)) {
      if (!word.includes('=')) i++;
      continue;
    }
    if (FLAG_OPTIONS.has(name)) continue;
    out.push(word);
  }
  return out;
}

/** `src/api/main.py` for the module `src.api.main` started from `cwd`. */
function moduleFile(cwd: string, module: string): string {
  return posix.normalize(posix.join(cwd, ...module.split('.')) + '.py');
}
