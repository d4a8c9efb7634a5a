#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { registerCheckCommand } from './cli/check-command.js';
import { registerChecksCommand } from './cli/checks-command.js';
import { registerCleanupCommand } from './cli/cleanup-command.js';
import { EXIT } from './cli/exit-codes.js';
import { registerImagesCommand } from './cli/images-command.js';
import { registerRenderCommand } from './cli/render-command.js';
import { registerScenariosCommand } from './cli/scenarios-command.js';
import { MsprError, toSerializedError } from './errors.js';
import { detectLang, type Lang, pick } from './i18n.js';
import { packageVersion } from './paths.js';

/**
 * The CLI only turns argv into a call and a result into an exit code (DESIGN.md). Commands live in
 * `runner/cli/`, one file each, and are registered here.
 */
function buildProgram(): Command {
  const program = new Command('mspr-lab')
    .description('Grade MSPR data/AI deliverables with evidence / Évaluer les livrables MSPR data & IA, preuves à l’appui')
    .version(packageVersion)
    .addOption(new Option('--lang <lang>', 'language of messages (default: from the locale)').choices(['fr', 'en']))
    .showHelpAfterError()
    .exitOverride();
  registerCheckCommand(program);
  registerScenariosCommand(program);
  registerChecksCommand(program);
  registerRenderCommand(program);
  registerImagesCommand(program);
  registerCleanupCommand(program);
  program.addHelpText(
    'after',
    `
Examples:
  mspr-lab check examples/etl-sqlite --scenario cdp-data-ia-bloc1-etl
  mspr-lab scenarios list
  mspr-lab checks show db/rows-match-source
  mspr-lab render out/<run-id>/report.json --format junit,md
  sudo mspr-lab images build && mspr-lab check . -s cdp-data-ia-bloc1-etl --sandbox docker`,
  );
  return program;
}

function langFromArgv(argv: string[]): Lang {
  const index = argv.indexOf('--lang');
  const value = index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice(7);
  return value === 'fr' || value === 'en' ? value : detectLang();
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.commands.forEach(function exitOverrideEverywhere(command: Command): void {
    command.exitOverride();
    command.commands.forEach(exitOverrideEverywhere);
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; any other parse problem is a usage error (already printed).
      process.exitCode = error.exitCode === 0 ? 0 : EXIT.error;
      return;
    }
    const lang = langFromArgv(argv);
    if (error instanceof MsprError) process.stderr.write(`${error.describe(lang)}\n`);
    else {
      const serialized = toSerializedError(error);
      process.stderr.write(`${serialized.code}: ${pick(serialized.message, lang)}\n${serialized.details.join('\n')}\n`);
    }
    process.exitCode = EXIT.error;
  }
}

await main(process.argv);
