import type { WorkspaceFiles } from '../../runner/evidence/workspace-files.js';
import type { Localized } from '../../runner/i18n.js';
import { type CommandContext, resolveCommand } from '../../runner/plan/command-steps.js';
import { readComposeFile } from '../../runner/plan/compose-file.js';
import { readMakefile } from '../../runner/plan/makefile.js';
import { readmeCommands } from '../../runner/plan/readme-commands.js';
import { emptyFindings, type MissingTarget } from '../../runner/plan/run-plan.js';
import { SKIP } from '../../runner/plan/skip-rules.js';
import { joinCwd } from '../../runner/plan/working-directory.js';
import { workspaceRepo } from './workspace-repo.js';

/** A README command that runs something the repository has. */
export interface RunCommand {
  /** As written in the README. */
  text: string;
  /** `README.md:12`. */
  source: string;
  /** The file it runs, when it names one. */
  entry?: string;
}

/** What a README says about running the project, read as the run plan reads it (runner/plan/readme-commands.ts). */
export interface ReadmeRunCommands {
  runs: RunCommand[];
  /** Commands naming a file, module, notebook or Makefile target the repository lacks. */
  missing: MissingTarget[];
}

/**
 * The README's commands resolved by the plan's own rules: only its run/usage sections when it has some (the plan
 * ignores the rest), commands starting from the README's folder (`api/README.md` means `cd api` first). A command
 * runs something when the plan makes it a step, or when it starts a server of the repository (the plan leaves
 * servers to the scenario). Installers, virtual environments, tests and placeholders say nothing about running.
 */
export function readmeRunCommands(workspace: WorkspaceFiles, readme: string, text: string, ctx = commandContext(workspace)): ReadmeRunCommands {
  const folder = readme.includes('/') ? readme.slice(0, readme.lastIndexOf('/')) : '.';
  const commands = readmeCommands(text).filter((command) => !command.placeholder);
  const hasRunSection = commands.some((command) => command.inRunSection);
  const result: ReadmeRunCommands = { runs: [], missing: [] };
  for (const command of commands) {
    if (hasRunSection && !command.inRunSection) continue;
    const source = `${readme}:${command.line}`;
    const findings = { ...emptyFindings(), missing: [] as MissingTarget[] };
    resolveCommand({ argv: command.argv, cwd: joinCwd(folder, command.cwd) ?? command.cwd }, source, ctx, findings);
    result.missing.push(...findings.missing.filter((item) => !result.missing.some((known) => known.command === item.command && known.name === item.name)));
    for (const step of findings.steps) result.runs.push({ text: command.text, source, entry: step.entry });
    if (findings.steps.length === 0 && findings.missing.length === 0 && findings.skipped.some((item) => isServer(item.reason))) result.runs.push({ text: command.text, source });
  }
  return result;
}

export function commandContext(workspace: WorkspaceFiles): CommandContext {
  const repo = workspaceRepo(workspace);
  return { repo, makefile: readMakefile(repo), compose: readComposeFile(repo) };
}

function isServer(reason: Localized): boolean {
  return reason.en === SKIP.server.en;
}
