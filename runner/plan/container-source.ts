import { type CommandContext, resolveCommand } from './command-steps.js';
import { readDockerfile } from './dockerfile-command.js';
import { emptyFindings, type SourceFindings } from './run-plan.js';

/**
 * What the team's containers run: each compose service's `command:` (or the CMD of the Dockerfile it
 * builds), in the file's order, else the root Dockerfile's `CMD`/`ENTRYPOINT`. Only commands that run
 * Python become steps; servers are left out like anywhere else.
 */
export function containerFindings(ctx: CommandContext): SourceFindings {
  const findings = emptyFindings();
  const commands = ctx.compose?.services.flatMap((service) => (service.command ? [service.command] : [])) ?? [];
  if (commands.length === 0) {
    const dockerfile = readDockerfile(ctx.repo, 'Dockerfile')?.command;
    if (dockerfile) commands.push(dockerfile);
  }
  for (const command of commands) resolveCommand({ argv: command.argv, cwd: command.cwd }, command.reason, ctx, findings);
  return findings;
}
