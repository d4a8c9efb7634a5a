#!/usr/bin/env node
import { CommanderError } from 'commander';
import { buildProgram } from './cli/program.js';
import { EXIT } from './cli/exit-codes.js';
import { MsprError, setVerbose, toSerializedError } from './errors.js';
import { detectLang, type Lang, pick } from './i18n.js';
import { plainText } from '../reports/safe-text.js';
import { staleBuildWarning } from './build-freshness/stale-build.js';
import { exitQuietlyOnClosedPipe } from './cli/closed-pipe.js';

function langFromArgv(argv: string[]): Lang {
  const index = argv.indexOf('--lang');
  const value = index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice(7);
  return value === 'fr' || value === 'en' ? value : detectLang();
}

async function main(argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe();
  // Read before parsing: errors raised while parsing (a bad scenario file) must show their stack too.
  setVerbose(argv.includes('--verbose'));
  // A check added since the last build would be "unknown": say so before anything else.
  const stale = staleBuildWarning();
  if (stale) process.stderr.write(`${pick(stale, langFromArgv(argv))}\n`);
  const program = buildProgram(langFromArgv(argv));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; any other parse problem is a usage error (already printed).
      process.exitCode = error.exitCode === 0 ? 0 : EXIT.error;
      return;
    }
    const lang = langFromArgv(argv);
    // Messages can quote file names and contents: no terminal escapes reach the screen.
    if (error instanceof MsprError) process.stderr.write(`${plainText(error.describe(lang))}\n`);
    else {
      const serialized = toSerializedError(error);
      process.stderr.write(plainText(`${serialized.code}: ${pick(serialized.message, lang)}\n${serialized.details.join('\n')}\n`));
    }
    process.exitCode = EXIT.error;
  }
}

await main(process.argv);
