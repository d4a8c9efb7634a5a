#!/usr/bin/env node
/**
 * Stand-alone entry for `images build` until the CLI wires the command, and for .ci/steps/20-docker.sh:
 *   node dist/runner/images/build-main.js [--force] [--verbose] [python|postgres|mariadb…]
 */
import { MsprError } from '../errors.js';
import { detectLang } from '../i18n.js';
import { imagesBuild } from './images-actions.js';

const args = process.argv.slice(2);
const lang = detectLang();
try {
  await imagesBuild({ recipes: args.filter((a) => !a.startsWith('--')), force: args.includes('--force'), verbose: args.includes('--verbose'), lang });
} catch (error) {
  process.stderr.write(`${error instanceof MsprError ? error.describe(lang) : String(error)}\n`);
  process.exitCode = 2;
}
