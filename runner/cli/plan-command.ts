import { type Command, Option } from 'commander';
import { langOf } from './lang-option.js';

export interface PlanOptions {
  scenario?: string;
  manifest?: string;
  database?: 'sqlite' | 'postgres' | 'mysql' | 'mongodb';
  json?: boolean;
  ref?: string;
  deadline?: string;
  workDir?: string;
}

export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('print what `check` would run, from which folder and why, without running anything')
    .argument('<submission>', 'candidate repository: a folder or a git URL')
    .option('-s, --scenario <id|file>', 'scenario, to say what the code needs that it does not provide (a database server…)')
    .option('--manifest <file>', 'the team’s plan kept outside its repository (mspr.yaml format); its own mspr.yaml is then ignored')
    .addOption(new Option('--database <kind>', 'the database the run would get (as for check)').choices(['sqlite', 'postgres', 'mysql', 'mongodb']))
    .option('--json', 'print the plan as JSON')
    .option('--ref <ref>', 'git branch, tag or commit (git sources)')
    .option('--deadline <iso-date>', 'the last commit before this date (git sources)')
    .option('--work-dir <dir>', 'where the repository is copied to be read (default: $MSPR_WORK_DIR or the temp folder)')
    .addHelpText('after', '\nExamples:\n  mspr-lab plan ../team-3\n  mspr-lab plan ../team-3 -s cdp-data-ia-bloc1-etl --json\n  mspr-lab plan ../team-3 --manifest plans/team-3.yaml')
    .action(async (submission: string, options: PlanOptions, command: Command) => {
      // Loaded here: planning never needs polars or a database driver, and --help stays instant.
      const { runPlanCommand } = await import('./run-plan-command.js');
      process.exitCode = await runPlanCommand(submission, options, langOf(command));
    });
}
