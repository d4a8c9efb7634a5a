import type { Command } from 'commander';
import { pick, t } from '../i18n.js';
import { langOf } from './lang-option.js';

/** `mspr-lab cleanup`: removes containers, networks, volumes and quota disks left by crashed or killed runs. */
export function registerCleanupCommand(program: Command): void {
  program
    .command('cleanup')
    .description('remove docker containers, networks, volumes and quota disks left by interrupted runs (label mspr-lab.managed) / nettoyer')
    .option('--run <id>', 'only the resources of this run id')
    .addHelpText('after', '\nExamples:\n  mspr-lab cleanup\n  mspr-lab cleanup --run cdp-data-ia-bloc1-etl-20260630-101500-ab12\n\nImages are kept; see `mspr-lab images list`.')
    .action(async (options: { run?: string }, command: Command) => {
      const lang = langOf(command);
      const { cleanupDocker, cleanupQuotaDisks } = await import('../cleanup.js');
      // The quota disks go after the containers (which hold them), and even when the engine is unreachable.
      const docker = await cleanupDocker({ runId: options.run }).then((report) => ({ report }), (error: unknown) => ({ error }));
      const disks = await cleanupQuotaDisks({ runId: options.run });
      if ('error' in docker) throw docker.error;
      const { report } = docker;
      const count = report.containers.length + report.networks.length + report.volumes.length + disks.length;
      if (count === 0) {
        process.stdout.write(`${pick(t('Rien à nettoyer.', 'Nothing to clean up.'), lang)}\n`);
        return;
      }
      for (const name of report.containers) process.stdout.write(`container ${name}\n`);
      for (const name of report.networks) process.stdout.write(`network   ${name}\n`);
      for (const name of report.volumes) process.stdout.write(`volume    ${name}\n`);
      for (const disk of disks) process.stdout.write(`disk      ${disk}\n`);
      process.stdout.write(`${pick(t(`${count} ressource(s) supprimée(s).`, `${count} resource(s) removed.`), lang)}\n`);
    });
}
