import { type Command, Option } from 'commander';
import { langOf } from './lang-option.js';

export interface RegradeCommandOptions {
  scenario?: string;
  team?: string;
  database?: 'sqlite' | 'postgres' | 'mysql' | 'mongodb';
  python?: string;
  quiet?: boolean;
}

export function registerRegradeCommand(program: Command): void {
  program
    .command('regrade')
    .description('judge a batch again on its kept evidence, without running any team’s code / réévaluer un lot sur ses preuves conservées')
    .argument('<out>', 'the --out folder of a mspr-lab batch')
    .option('-s, --scenario <id|file>', 'the scenario to judge with, e.g. a copy with changed check options (default: the batch’s)')
    .option('--team <names>', 'comma-separated teams to judge again (default: every graded team)')
    .addOption(new Option('--database <kind>', 'as given to the batch, if it was').choices(['sqlite', 'postgres', 'mysql', 'mongodb']))
    .option('--python <path>', 'the grader’s Python for the static reader (default: $MSPR_PYTHON, else /usr/bin/python3)')
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText(
      'after',
      `
Examples:
  mspr-lab regrade promo-2026 -s bloc1-tolerant.yaml
  mspr-lab regrade promo-2026 --team beta

Only the checks run again: a scenario whose steps, sandbox, services or datasets changed needs the teams run
again (mspr-lab batch … --team <name>); those teams are listed, their rows say why. Writes regrade.json and
regrade.csv (the verdicts that changed) beside the gradebook, which is rewritten.
Exit codes: as batch (0 every team passes, 1 some fail, 2 some team could not be graded or re-graded).`,
    )
    .action(async (out: string, options: RegradeCommandOptions, command: Command) => {
      const { runRegradeCommand } = await import('./run-regrade-command.js');
      process.exitCode = await runRegradeCommand(out, options, langOf(command));
    });
}
