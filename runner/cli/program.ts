import { Command, Option } from 'commander';
import { registerBatchCommand } from './batch-command.js';
import { registerCheckCommand } from './check-command.js';
import { registerChecksCommand } from './checks-command.js';
import { registerCiCommand } from './ci-command.js';
import { registerCleanupCommand } from './cleanup-command.js';
import { registerCriteriaCommand } from './criteria-command.js';
import { registerDoctorCommand } from './doctor-command.js';
import { registerImagesCommand } from './images-command.js';
import { registerInitCommand } from './init-command.js';
import { registerPlanCommand } from './plan-command.js';
import { registerRegradeCommand } from './regrade-command.js';
import { registerRenderCommand } from './render-command.js';
import { registerScenariosCommand } from './scenarios-command.js';
import { packageVersion } from '../paths.js';

/**
 * The CLI only turns argv into a call and a result into an exit code (DESIGN.md). Commands live in
 * `runner/cli/`, one file each, and are registered here.
 */
export function buildProgram(): Command {
  const program = new Command('mspr-lab')
    .description('Grade MSPR data/AI deliverables with evidence / Évaluer les livrables MSPR data & IA, preuves à l’appui')
    .version(packageVersion)
    .addOption(new Option('--lang <lang>', 'language of messages (default: from the locale)').choices(['fr', 'en']))
    .option('--verbose', 'show the stack trace of internal errors (to attach to a bug report)')
    .showHelpAfterError()
    .exitOverride();
  registerCheckCommand(program);
  registerBatchCommand(program);
  registerRegradeCommand(program);
  registerPlanCommand(program);
  registerInitCommand(program);
  registerScenariosCommand(program);
  registerChecksCommand(program);
  registerCriteriaCommand(program);
  registerRenderCommand(program);
  registerImagesCommand(program);
  registerCleanupCommand(program);
  registerDoctorCommand(program);
  registerCiCommand(program);
  program.addHelpText(
    'after',
    `
Examples:
  mspr-lab check examples/etl-sqlite --scenario cdp-data-ia-bloc1-etl
  mspr-lab batch promo.csv -s cdp-data-ia-bloc1-etl -o promo-2026
  mspr-lab regrade promo-2026 -s bloc1-tolerant.yaml   # checks again on kept evidence
  mspr-lab plan ../team-3          # what check would run, and why
  mspr-lab scenarios list
  mspr-lab checks show db/rows-match-source
  mspr-lab criteria dev-ia-ds       # which criteria are checked, left to the jury, or not covered
  mspr-lab render out/<run-id>/report.json --format junit,md
  mspr-lab doctor
  mspr-lab ci github --scenario cdp-data-ia-bloc1-etl
  sudo mspr-lab images build && mspr-lab check . -s cdp-data-ia-bloc1-etl --sandbox docker`,
  );
  return program;
}


/** Every command of the tree, depth first, with its full name (`scenarios validate`). */
export function allCommands(program: Command): Array<{ path: string[]; command: Command }> {
  const found: Array<{ path: string[]; command: Command }> = [];
  const walk = (command: Command, path: string[]) => {
    for (const child of command.commands) {
      found.push({ path: [...path, child.name()], command: child });
      walk(child, [...path, child.name()]);
    }
  };
  walk(program, []);
  return found;
}
