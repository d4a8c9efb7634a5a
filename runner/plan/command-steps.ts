import { posix } from 'node:path';
import { type Localized, t } from '../i18n.js';
import type { ComposeFile } from './compose-file.js';
import { readDockerRun } from './docker-argv.js';
import type { Makefile } from './makefile.js';
import { notebookFiles } from './notebook-order.js';
import { isPythonProgram, moduleFiles, readPythonCommand } from './python-command.js';
import type { RepoFiles } from './repo-files.js';
import type { SourceFindings } from './run-plan.js';
import { parseShellLine, type SimpleCommand } from './shell-line.js';
import { commandSkipReason, pythonSkipReason, servesHttp, SKIP } from './skip-rules.js';
import { notebookCwd, workspacePath } from './working-directory.js';

/** What resolving a command may need to look into besides the repository's files. */
export interface CommandContext {
  repo: RepoFiles;
  makefile?: Makefile;
  compose?: ComposeFile;
}

const MAX_DEPTH = 8;
const MAKE_VALUED = new Set(['-f', '--file', '--makefile', '-j', '--jobs', '-l', '-o', '-W', '-I']);

/**
 * Turns one command a README, a Makefile recipe or a compose file names into steps, skips and
 * requirement files: `python x.py`, `python -m pkg.mod`, notebooks executed by nbconvert/papermill,
 * `make <target>` (resolved to its recipes), `docker compose run … app <cmd>` (resolved to `<cmd>`).
 * `source` is where it was read (`README.md:12`), kept as each step's reason.
 */
export function resolveCommand(command: SimpleCommand, source: string, ctx: CommandContext, into: SourceFindings, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  const { argv, cwd } = command;
  const text = argv.join(' ');
  const skip = (reason = SKIP.installer): void => {
    into.skipped.push({ path: text, reason, source });
  };
  if ((argv[0] === 'sh' || argv[0] === 'bash') && argv[1] === '-c' && argv[2]) {
    for (const inner of parseShellLine(argv[2], cwd).commands) resolveCommand(inner, source, ctx, into, depth + 1);
    return;
  }
  collectRequirementFiles(argv, cwd, source, ctx.repo, into);
  if (isPythonProgram(argv[0])) return pythonStep(argv, cwd, source, ctx, into);
  if (isNotebookRunner(argv)) return notebookSteps(argv, cwd, source, ctx, into);
  if (argv[0] === 'make' || argv[0] === 'gmake') return makeSteps(argv.slice(1), cwd, source, ctx, into, depth);
  const docker = readDockerRun(argv);
  if (docker) {
    if (commandSkipReason(argv)) return skip(commandSkipReason(argv));
    const service = docker.kind === 'inner' || docker.kind === 'service' ? ctx.compose?.services.find((s) => s.name === docker.service) : undefined;
    if (docker.kind === 'inner') {
      const inside = docker.workdir ? (service?.toWorkspace(docker.workdir) ?? '.') : (service?.cwd ?? '.');
      return resolveCommand({ argv: docker.argv, cwd: inside }, source, ctx, into, depth + 1);
    }
    const services = docker.kind === 'service' ? (service ? [service] : []) : docker.kind === 'up' ? (ctx.compose?.services.filter((s) => docker.services.length === 0 || docker.services.includes(s.name)) ?? []) : [];
    const commands = services.flatMap((s) => (s.command ? [s.command] : []));
    if (commands.length === 0) return skip(t('commande Docker dont le programme n’a pu être lu (ni commande, ni service avec `command:`)', 'Docker command whose program could not be read (no command, no service with `command:`)'));
    for (const found of commands) resolveCommand({ argv: found.argv, cwd: found.cwd }, `${found.reason} ← ${source}`, ctx, into, depth + 1);
    return;
  }
  const reason = commandSkipReason(argv);
  if (reason) skip(reason);
}

function pythonStep(argv: string[], cwd: string, source: string, ctx: CommandContext, into: SourceFindings): void {
  const python = readPythonCommand(argv)!;
  const text = argv.join(' ');
  if (python.module && ['nbconvert', 'jupyter', 'papermill'].includes(python.module)) {
    return notebookSteps([python.module, ...python.args], cwd, source, ctx, into);
  }
  const skipped = pythonSkipReason(python.module, python.script, python.args, python.inline);
  if (skipped) return void into.skipped.push({ path: text, reason: skipped, source });
  let entry: string | undefined;
  // `python 3.11` or `python3.10+` in prose names a version, not a script.
  if (python.script && !/\.pyw?$/.test(python.script)) return;
  if (python.script) {
    entry = workspacePath(cwd, python.script);
    if (!entry || !ctx.repo.isFile(entry)) {
      return notFound(into, { path: text, source, reason: t(`le fichier ${python.script} n’est pas dans le dépôt${fromFr(cwd)}`, `the file ${python.script} is not in the repository${fromEn(cwd)}`) }, python.script);
    }
  } else if (python.module) {
    entry = moduleFiles(cwd, python.module).find((file) => ctx.repo.isFile(file));
    if (!entry) {
      return notFound(into, { path: text, source, reason: t(`le module ${python.module} n’est pas dans le dépôt${fromFr(cwd)}`, `the module ${python.module} is not in the repository${fromEn(cwd)}`) }, python.module);
    }
  } else {
    return; // a bare `python`: an interactive interpreter
  }
  if (servesHttp(ctx.repo.text(entry, 512 * 1024) ?? '')) return void into.skipped.push({ path: text, reason: SKIP.server, source });
  into.steps.push({ kind: 'command', run: ['python', ...python.words], cwd, reason: source, entry });
}

function isNotebookRunner(argv: string[]): boolean {
  const [program, sub] = argv;
  if (program === 'papermill') return true;
  if (program === 'jupyter-nbconvert' || program === 'jupyter-execute') return true;
  return program === 'jupyter' && (sub === 'nbconvert' || sub === 'execute');
}

/** `jupyter nbconvert --to notebook --execute notebooks/*.ipynb`; a conversion without --execute runs nothing. */
function notebookSteps(argv: string[], cwd: string, source: string, ctx: CommandContext, into: SourceFindings): void {
  const executes = argv[0] === 'papermill' || argv.includes('execute') || argv[0] === 'jupyter-execute' || argv.some((word) => word === '--execute' || word.startsWith('--execute='));
  if (!executes) return;
  const named = argv.filter((word) => word.endsWith('.ipynb'));
  const wanted = argv[0] === 'papermill' ? named.slice(0, 1) : named;
  for (const pattern of wanted) {
    const found = notebookFiles(ctx.repo, cwd, pattern);
    if (found.length === 0) {
      notFound(into, { path: argv.join(' '), source, reason: t(`le notebook ${pattern} n’est pas dans le dépôt`, `the notebook ${pattern} is not in the repository`) }, pattern);
    }
    for (const entry of found) into.steps.push({ kind: 'notebook', run: [entry], cwd: notebookCwd(entry), reason: source, entry });
  }
}

function makeSteps(args: string[], cwd: string, source: string, ctx: CommandContext, into: SourceFindings, depth: number): void {
  const text = ['make', ...args].join(' ');
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '-C' || word === '--directory' || word.startsWith('--directory=') || (word.startsWith('-C') && word.length > 2)) {
      return void into.skipped.push({ path: text, source, reason: t('make dans un autre dossier (-C) : non résolu', 'make in another folder (-C): not resolved') });
    }
    if (MAKE_VALUED.has(word)) i++;
    else if (!word.startsWith('-') && !word.includes('=')) targets.push(word);
  }
  const makefile = ctx.makefile;
  if (!makefile || cwd !== '.') {
    return notFound(into, { path: text, source, reason: t('aucun Makefile à la racine du dépôt', 'no Makefile at the repository root') }, 'Makefile');
  }
  const wanted = targets.length > 0 ? targets : makefile.defaultTarget ? [makefile.defaultTarget] : [];
  resolveMakeTargets(wanted, source, ctx, into, depth, new Set());
}

/**
 * Each target's prerequisites first, then its recipe lines, each target once (as make does); every
 * resolved command becomes a step whose reason is its recipe line, e.g. `Makefile:7 (target etl)`.
 */
export function resolveMakeTargets(targets: string[], via: string | undefined, ctx: CommandContext, into: SourceFindings, depth: number, built: Set<string>, named = true): void {
  const makefile = ctx.makefile!;
  for (const name of targets) {
    if (built.has(name)) continue;
    built.add(name);
    const target = makefile.targets.get(name);
    if (!target) {
      // A prerequisite that is not a target is a file make only checks for.
      if (named && via !== undefined && !ctx.repo.isFile(name) && !posix.extname(name)) {
        notFound(into, { path: `make ${name}`, source: via, reason: t(`la cible ${name} n’est pas dans ${makefile.file}`, `target ${name} is not in ${makefile.file}`) }, name);
      }
      continue;
    }
    resolveMakeTargets(target.prereqs, via, ctx, into, depth, built, false);
    for (const line of target.recipe) {
      const expanded = makefile.expand(line.text, target);
      const reason = `${makefile.file}:${line.line} (target ${name})${via ? ` ← ${via}` : ''}`;
      if (/\$\(/.test(expanded)) {
        into.skipped.push({ path: expanded, source: reason, reason: t('fonction make non résolue ($(…))', 'make function not resolved ($(…))') });
        continue;
      }
      for (const command of parseShellLine(expanded, '.').commands) {
        if (command.argv[0] === 'make' || command.argv[0] === 'gmake') {
          const sub = command.argv.slice(1).filter((word) => !word.startsWith('-') && !word.includes('='));
          resolveMakeTargets(sub.length > 0 ? sub : makefile.defaultTarget ? [makefile.defaultTarget] : [], reason, ctx, into, depth + 1, built);
        } else {
          resolveCommand(command, reason, ctx, into, depth + 1);
        }
      }
    }
  }
}

/** `pip install -r requirements/dev.txt` names a file the environment stage installs. */
function collectRequirementFiles(argv: string[], cwd: string, source: string, repo: RepoFiles, into: SourceFindings): void {
  const pipAt = argv.findIndex((word, i) => /^pip[0-9.]*$/.test(posix.basename(word)) || (word === 'pip' && argv[i - 1] === '-m'));
  if (pipAt < 0 || argv[pipAt + 1] !== 'install') return;
  const words = argv.slice(pipAt + 2);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let file: string | undefined;
    if (word === '-r' || word === '--requirement') file = words[++i];
    else if (word.startsWith('--requirement=')) file = word.slice('--requirement='.length);
    else if (word.startsWith('-r') && word.length > 2) file = word.slice(2);
    const path = file ? workspacePath(cwd, file) : undefined;
    if (path && repo.isFile(path) && !into.requirementFiles.some((known) => known.file === path)) into.requirementFiles.push({ file: path, reason: source });
  }
}

/** A command naming what the repository lacks: left out of the plan, and noted for whoever collects `missing`. */
function notFound(into: SourceFindings, item: { path: string; source: string; reason: Localized }, name: string): void {
  into.skipped.push(item);
  into.missing?.push({ name, command: item.path, source: item.source, reason: item.reason });
}

const fromFr = (cwd: string) => (cwd === '.' ? '' : ` (depuis ${cwd}/)`);
const fromEn = (cwd: string) => (cwd === '.' ? '' : ` (from ${cwd}/)`);
