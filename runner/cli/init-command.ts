import type { Command } from 'commander';
import { langOf } from './lang-option.js';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('write the discovered run plan as an mspr.yaml the team can edit')
    .argument('[folder]', 'the repository (a folder)', '.')
    .option('--force', 'replace an existing mspr.yaml (its other keys, such as datasetsDir, are kept)')
    .addHelpText('after', '\nExamples:\n  mspr-lab init\n  mspr-lab init ../team-3 --force')
    .action(async (folder: string, options: { force?: boolean }, command: Command) => {
      const { runInitCommand } = await import('./run-plan-command.js');
      process.exitCode = await runInitCommand(folder, options, langOf(command));
    });
}
