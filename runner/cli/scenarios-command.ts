import type { Command } from 'commander';
import { asLocalized, pick } from '../i18n.js';
import { langOf } from './lang-option.js';
import { MsprError } from '../errors.js';
import { countOf } from '../i18n/format.js';

/** The loader compiles the scenario schema; load it only when a subcommand runs, not for `--help`. */
const loader = () => import('../../scenarios/load-scenario.js');

export function registerScenariosCommand(program: Command): void {
  const scenarios = program
    .command('scenarios')
    .description('list, show and validate scenarios')
    .addHelpText('after', '\nExamples:\n  mspr-lab scenarios list\n  mspr-lab scenarios show cdp-data-ia-bloc1-etl\n  mspr-lab scenarios validate my-scenario.yaml');

  scenarios
    .command('list')
    .description('list the bundled scenarios')
    .option('--json', 'print the list as JSON')
    .addHelpText('after', '\nExample:\n  mspr-lab scenarios list --lang fr')
    .action(async (options: { json?: boolean }, command: Command) => {
      const lang = langOf(command);
      const { listLibraryScenarioFiles, loadScenario } = await loader();
      const listed: Array<Record<string, unknown>> = [];
      for (const file of listLibraryScenarioFiles()) {
        try {
          const { scenario } = await loadScenario(file);
          listed.push({ id: scenario.id, framework: scenario.framework, bloc: scenario.bloc, title: asLocalized(scenario.title) });
          if (!options.json) process.stdout.write(`${scenario.id.padEnd(40)} ${scenario.framework} bloc ${scenario.bloc} — ${pick(asLocalized(scenario.title), lang)}\n`);
        } catch (error) {
          // A broken library file is the grader's problem: said on stderr, so stdout stays a clean list.
          process.stderr.write(`${file}: ${error instanceof MsprError ? error.describe(lang) : (error as Error).message}\n`);
          process.exitCode = 2;
        }
      }
      if (options.json) process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
    });

  scenarios
    .command('show')
    .description('print a scenario with its defaults filled in')
    .argument('<id|file>', 'bundled scenario id or a YAML/JSON file')
    .addHelpText('after', '\nExample:\n  mspr-lab scenarios show cdp-data-ia-bloc1-etl')
    .action(async (reference: string) => {
      const { stringify } = await import('yaml');
      const { scenario, source } = await (await loader()).loadScenario(reference);
      process.stdout.write(`# ${source}\n${stringify(scenario)}`);
    });

  scenarios
    .command('validate')
    .description('check a scenario file without running anything; every problem is listed with its path')
    .argument('<file...>', 'scenario files (YAML or JSON)')
    .addHelpText('after', '\nExample:\n  mspr-lab scenarios validate my-scenario.yaml')
    .action(async (files: string[], _options, command: Command) => {
      const lang = langOf(command);
      const { loadScenario } = await loader();
      const { unreadableDatasets } = await import('../../scenarios/dataset-readability.js');
      for (const file of files) {
        const problems = await unreadableDatasets(await loadScenario(file));
        if (problems.length > 0) throw unreadable(file, problems);
        process.stdout.write(lang === 'fr' ? `${file} : valide\n` : `${file}: valid\n`);
      }
    });
}

/** A dataset the checks could not read is a scenario problem: said before any submission is graded against it. */
function unreadable(file: string, problems: string[]): MsprError {
  return new MsprError(
    'MSPR_SCENARIO_INVALID',
    { fr: `Le scénario ${file} a ${countOf(problems.length, 'fr', 'fichier de données illisible', 'fichiers de données illisibles')}.`, en: `Scenario ${file} has ${countOf(problems.length, 'en', 'unreadable data file', 'unreadable data files')}.` },
    {
      details: problems,
      hint: {
        fr: 'Vérifiez chaque fichier signalé (séparateur, encodage, format) ; les vérifications le liraient de la même façon.',
        en: 'Check each reported file (separator, encoding, format); the checks would read it the same way.',
      },
    },
  );
}
