import type { Command } from 'commander';
import { pick, t } from '../i18n.js';
import { langOf } from './lang-option.js';

/** `mspr-lab cleanup`: removes containers, networks and volumes left by crashed or killed runs. */
export function registerCleanupCommand(program: Command): void {
  program
    .command('cleanup')
    .description('remove docker containers, networks and volumes left by interrupted runs (label mspr-lab.managed) / nettoyer')
    .option('--run <id>', 'only the resources of this run id')
    .addHelpText('after', '\nExamples:\n  mspr-lab cleanup\n  mspr-lab cleanup --run cdp-data-ia-bloc1-etl-20260630-101500-ab12\n\nImages are kept; see `mspr-lab images list`.')
    .action(async (options: { run?: string }, command: Command) => {
      const lang = langOf(command);
      const { cleanupDocker } = await import('../cleanup.js');
      const report = await cleanupDocker({ runId: options.run });
      const count = report.containers.length + report.networks.length + report.volumes.length;
      if (count === 0) {
        process.stdout.write(`${pick(t('Rien à nettoyer.', 'Nothing to clean up.'), lang)}\n`);
        return;
      }
      for (const name of report.containers) process.stdout.write(`container ${name}\n`);
      for (const name of report.networks) process.stdout.write(`network   ${name}\n`);
      for (const name of report.volumes) process.stdout.write(`volume    ${name}\n`);
      process.stdout.write(`${pick(t(`${count} ressource(s) supprimée(s).`, `${count} resource(s) removed.`), lang)}\n`);
    });
}
