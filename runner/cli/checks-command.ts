import type { Command } from 'commander';
import { knownCheckIds, loadCheck } from '../../checks/registry.js';
import { withRebuildHint } from '../build-freshness/stale-build.js';
import { MsprError } from '../errors.js';
import { closestMatch } from '../closest-match.js';
import { pick } from '../i18n.js';
import { langOf } from './lang-option.js';
import { registerNewCheckCommand } from './new-check-command.js';

export function registerChecksCommand(program: Command): void {
  const checks = program
    .command('checks')
    .description('list and document the checks')
    .addHelpText('after', '\nExamples:\n  mspr-lab checks list\n  mspr-lab checks show db/rows-match-source\n  mspr-lab checks new ml/training-procedure --criteria cdp-data-ia:C3.3 --evidence trace');

  checks
    .command('list')
    .description('list every check with its criteria')
    .option('--json', 'print the list as JSON')
    .addHelpText('after', '\nExample:\n  mspr-lab checks list --lang fr')
    .action(async (options: { json?: boolean }, command: Command) => {
      const lang = langOf(command);
      const listed: Array<{ id: string; title: { fr: string; en: string }; criteria: string[]; evidence: string[] }> = [];
      for (const id of knownCheckIds()) {
        const check = (await loadCheck(id))!;
        listed.push({ id, title: check.meta.title, criteria: check.meta.criteria, evidence: [...check.meta.evidence] });
        if (!options.json) process.stdout.write(`${id.padEnd(32)} ${pick(check.meta.title, lang)}  [${check.meta.criteria.join(', ')}]\n`);
      }
      if (options.json) process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
    });

  checks
    .command('show')
    .description("print a check's documentation, options and criteria")
    .argument('<id>', 'check id, e.g. db/rows-match-source')
    .addHelpText('after', '\nExample:\n  mspr-lab checks show db/rows-match-source --lang fr')
    .action(async (id: string, _options, command: Command) => {
      const lang = langOf(command);
      const check = await loadCheck(id);
      if (!check) {
        const suggestion = closestMatch(id, knownCheckIds());
        throw new MsprError('MSPR_CHECK_UNKNOWN', { fr: `Vérification inconnue : ${id}.`, en: `Unknown check: ${id}.` }, {
          hint: withRebuildHint(suggestion ? { fr: `Vouliez-vous dire ${suggestion} ?`, en: `Did you mean ${suggestion}?` } : { fr: 'Voir `mspr-lab checks list`.', en: 'See `mspr-lab checks list`.' }),
        });
      }
      const { checkPage } = await import('./check-page.js');
      process.stdout.write(checkPage(check.meta, lang));
    });

  registerNewCheckCommand(checks);
}
