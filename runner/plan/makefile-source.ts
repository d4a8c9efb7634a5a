import { type CommandContext, resolveMakeTargets } from './command-steps.js';
import { CONVENTIONAL_TARGETS } from './makefile.js';
import { emptyFindings, type SourceFindings } from './run-plan.js';

/**
 * When the README names no command, the Makefile's conventional targets: the first of `all`, `run`,
 * `pipeline` that exists (it usually depends on the rest), else `etl` then `train`.
 */
export function makefileFindings(ctx: CommandContext): SourceFindings {
  const findings = emptyFindings();
  const makefile = ctx.makefile;
  if (!makefile) return findings;
  const whole = CONVENTIONAL_TARGETS.whole.find((name) => makefile.targets.has(name));
  const targets = whole ? [whole] : CONVENTIONAL_TARGETS.stages.filter((name) => makefile.targets.has(name));
  resolveMakeTargets(targets, undefined, ctx, findings, 0, new Set());
  return findings;
}
