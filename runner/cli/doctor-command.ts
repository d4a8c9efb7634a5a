import type { Command } from 'commander';
import { langOf } from './lang-option.js';

/** `mspr-lab doctor`: what this machine has and lacks for grading, with the command that fixes each gap. */
export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('check this machine: Python and its data stack, Docker and images, databases, browser, disk, locale')
    .option('--python <path>', 'interpreter to check (default: $MSPR_PYTHON, else /usr/bin/python3)')
    .option('--work-dir <dir>', 'work folder to check (default: $MSPR_WORK_DIR, else <tmp>/mspr-lab)')
    .option('--json', 'print the lines as JSON (both languages) instead of text')
    .addHelpText('after', '\nExit code: 0 when every required line is ok, 1 otherwise.\n\nExamples:\n  mspr-lab doctor\n  mspr-lab doctor --python .venv/bin/python --json')
    .action(async (options: { python?: string; workDir?: string; json?: boolean }, command: Command) => {
      const { runDoctor } = await import('../doctor/run-doctor.js');
      const { formatDoctor } = await import('../doctor/print-doctor.js');
      const report = await runDoctor({ python: options.python, workDir: options.workDir });
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatDoctor(report, langOf(command)).join('\n')}\n`);
      process.exitCode = report.ready ? 0 : 1;
    });
}
