import { type Command, Option } from 'commander';
import { langOf } from './lang-option.js';

export interface CheckOptions {
  scenario: string;
  ref?: string;
  deadline?: string;
  sandbox?: 'local' | 'docker' | 'auto';
  services?: 'local' | 'docker' | 'auto';
  database?: 'sqlite' | 'postgres' | 'mysql' | 'mongodb';
  format: string;
  out: string;
  python?: string;
  manifest?: string;
  pipIndex?: string;
  pipTrustedHost?: string;
  wheelhouse?: string;
  allowSdist?: boolean;
  workDir?: string;
  keepWorkspace?: boolean;
  quiet?: boolean;
  json?: boolean;
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('grade one repository (folder or git URL) against a scenario')
    .argument('<submission>', 'candidate repository: a folder or a git URL')
    .requiredOption('-s, --scenario <id|file>', 'bundled scenario id (see `scenarios list`) or a YAML/JSON file')
    .option('--ref <ref>', 'git branch, tag or commit to grade (git sources)')
    .option('--deadline <iso-date>', 'grade the last commit before this ISO 8601 date or date-time, e.g. 2026-06-30T23:59:00+02:00; without a time zone: Europe/Paris; a date alone: 23:59:59 that day')
    .addOption(new Option('--sandbox <backend>', 'where the code runs (default: the scenario’s, usually auto)').choices(['local', 'docker', 'auto']))
    .addOption(new Option('--services <provider>', 'where database servers come from: docker containers, local servers (MSPR_POSTGRES_ADMIN_URL…), or auto').choices(['local', 'docker', 'auto']).env('MSPR_SERVICES'))
    .addOption(new Option('--database <kind>', 'switch the scenario’s database service to another kind (bloc 1: sqlite by default)').choices(['sqlite', 'postgres', 'mysql', 'mongodb']))
    .option('-f, --format <list>', 'report formats besides report.json: json,junit,md,html', 'json,md')
    .option('-o, --out <dir>', 'output folder; reports go to <dir>/<run-id>/', 'out')
    .option('--manifest <file>', 'the team’s plan kept outside its repository (mspr.yaml format); its own mspr.yaml is then ignored')
    .option('--python <path>', 'Python interpreter for the local sandbox (default: $MSPR_PYTHON, else /usr/bin/python3)')
    .option('--pip-index <url>', 'PEP 503 index the team’s requirements install from, e.g. a school’s PyPI mirror (default: $MSPR_PIP_INDEX_URL; none: no network)')
    .option('--pip-trusted-host <hosts>', 'comma-separated hosts pip may reach without a valid certificate (default: $MSPR_PIP_TRUSTED_HOST)')
    .option('--wheelhouse <dir>', 'folder of wheels the team’s requirements install from (default: $MSPR_WHEELHOUSE)')
    .option('--allow-sdist', 'also install source archives (their build scripts run); binary wheels only by default')
    .option('--work-dir <dir>', 'where run workspaces are created (default: $MSPR_WORK_DIR or the temp folder)')
    .option('--keep-workspace', 'keep the run folder (workspace, trace) for inspection')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--json', 'print the report JSON on stdout (nothing else); the summary goes to stderr')
    .addHelpText(
      'after',
      `
Examples:
  mspr-lab check examples/etl-sqlite --scenario cdp-data-ia-bloc1-etl
  mspr-lab check https://git.example.org/team3/mspr.git --scenario scenario.yaml --deadline 2026-06-30T23:59:00+02:00
  mspr-lab check . -s cdp-data-ia-bloc1-etl --format junit,md --sandbox docker --lang en
  mspr-lab check . -s cdp-data-ia-bloc1-etl --database postgres --services local --sandbox local
  mspr-lab check ../team-3 -s cdp-data-ia-bloc3-regression --pip-index https://pypi.ecole.fr/simple

Exit codes: 0 = every required check passed, 1 = some check did not, 2 = the run could not be done
(bad input such as an invalid --deadline or an unwritable --out is refused with 2 before anything runs).`,
    )
    .action(async (submission: string, options: CheckOptions, command: Command) => {
      // Loaded here, not at start-up: `--help` must stay instant (ajv schema compilation alone is ~130 ms).
      const { runCheckCommand } = await import('./run-check-command.js');
      process.exitCode = await runCheckCommand(submission, options, langOf(command));
    });
}
