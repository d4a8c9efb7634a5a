import { type Command, Option } from 'commander';
import { langOf } from './lang-option.js';

export interface BatchCommandOptions {
  scenario: string;
  out: string;
  deadline?: string;
  jobs?: string;
  team?: string;
  resume?: boolean;
  csvDialect: 'rfc4180' | 'excel-fr';
  format: string;
  sandbox?: 'local' | 'docker' | 'auto';
  services?: 'local' | 'docker' | 'auto';
  database?: 'sqlite' | 'postgres' | 'mysql' | 'mongodb';
  python?: string;
  pipIndex?: string;
  pipTrustedHost?: string;
  wheelhouse?: string;
  allowSdist?: boolean;
  workDir?: string;
  quiet?: boolean;
}

export function registerBatchCommand(program: Command): void {
  program
    .command('batch')
    .description('grade a whole promotion from a roster (CSV, YAML or a folder of repositories)')
    .argument('<roster>', 'CSV or YAML roster (team, source, ref, deadline, members, manifest), or a folder with one repository per subfolder')
    .requiredOption('-s, --scenario <id|file>', 'bundled scenario id (see `scenarios list`) or a YAML/JSON file')
    .requiredOption('-o, --out <dir>', 'batch folder: batch.sqlite, gradebook.csv/.xlsx, overview.html, batch.json, teams/<team>/')
    .option('--deadline <iso-date>', 'deadline for teams whose roster row gives none (as check --deadline)')
    .option('-j, --jobs <n>', 'teams graded at once (default: the cores divided by the scenario’s CPU limit)')
    .option('--team <names>', 'comma-separated teams to grade again, even if unchanged (their rows are replaced)')
    .option('--resume', 'continue a batch in the same --out (the default: teams graded with the same scenario and commit are kept)')
    .addOption(new Option('--csv-dialect <dialect>', 'gradebook.csv: rfc4180 (UTF-8, ",") or excel-fr (UTF-8 with BOM, ";", what French Excel opens)').choices(['rfc4180', 'excel-fr']).default('rfc4180'))
    .option('-f, --format <list>', 'report formats per team besides report.json: json,junit,md,html', 'json,md,html')
    .addOption(new Option('--sandbox <backend>', 'where the code runs (default: the scenario’s)').choices(['local', 'docker', 'auto']))
    .addOption(new Option('--services <provider>', 'where database servers come from').choices(['local', 'docker', 'auto']).env('MSPR_SERVICES'))
    .addOption(new Option('--database <kind>', 'switch the scenario’s database service to another kind').choices(['sqlite', 'postgres', 'mysql', 'mongodb']))
    .option('--python <path>', 'Python interpreter for the local sandbox (default: $MSPR_PYTHON, else /usr/bin/python3)')
    .option('--pip-index <url>', 'PEP 503 index the teams’ requirements install from (default: $MSPR_PIP_INDEX_URL)')
    .option('--pip-trusted-host <hosts>', 'comma-separated hosts pip may reach without a valid certificate')
    .option('--wheelhouse <dir>', 'folder of wheels the teams’ requirements install from (default: $MSPR_WHEELHOUSE)')
    .option('--allow-sdist', 'also install source archives (their build scripts run)')
    .option('--work-dir <dir>', 'where run workspaces are created (default: $MSPR_WORK_DIR or the temp folder)')
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText(
      'after',
      `
Examples:
  mspr-lab batch promo.csv -s cdp-data-ia-bloc1-etl --deadline 2026-06-30T23:59 -o promo-2026
  mspr-lab batch depots/ -s cdp-data-ia-bloc1-etl -j 2 -o promo-2026 --csv-dialect excel-fr
  mspr-lab batch promo.csv -s cdp-data-ia-bloc1-etl -o promo-2026 --team alpha,beta

Re-running the same command resumes: teams already graded with the same scenario and the same commit are kept.
Exit codes: 0 = every team passed, 1 = every team was graded and some did not pass, 2 = some team could not be
graded (clone failed, run error, not graded yet) or the batch itself could not be done (invalid roster…).`,
    )
    .action(async (roster: string, options: BatchCommandOptions, command: Command) => {
      const { runBatchCommand } = await import('./run-batch-command.js');
      process.exitCode = await runBatchCommand(roster, options, langOf(command));
    });
}
