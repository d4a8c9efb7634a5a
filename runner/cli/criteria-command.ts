import type { Command } from 'commander';
import { langOf } from './lang-option.js';

/** `mspr-lab criteria [framework]`: every criterion code → the checks that grade it, the jury, or nothing. */
export function registerCriteriaCommand(program: Command): void {
  program
    .command('criteria')
    .description('coverage matrix: every criterion of a framework → its checks and scenarios, manual, or not covered')
    .argument('[framework]', 'cdp-data-ia, dev-ia-ds, cdp-ia-aivancity, cdp-ia or cerf-ia (default: all five)')
    .option('--json', 'print the matrix as JSON')
    .addHelpText('after', '\nExamples:\n  mspr-lab criteria\n  mspr-lab criteria dev-ia-ds --lang fr\n  mspr-lab criteria cdp-data-ia --json')
    .action(async (framework: string | undefined, options: { json?: boolean }, command: Command) => {
      const { loadCoverage } = await import('../criteria/load-coverage.js');
      const matrix = await loadCoverage(framework);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ frameworks: matrix }, null, 2)}\n`);
        return;
      }
      const { renderCoverage } = await import('../criteria/render-coverage.js');
      process.stdout.write(`${renderCoverage(matrix, langOf(command)).join('\n')}\n`);
    });
}
