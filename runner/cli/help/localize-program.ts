import type { EventEmitter } from 'node:events';
import { type Command, Help } from 'commander';
import { type Lang } from '../../i18n.js';
import { frenchTypography } from '../../i18n/format.js';
import { AFTER_HELP_FR, translateTitles } from './after-help-fr.js';
import { commanderErrorFr, EXTRA_FR, TITLES_FR } from './commander-fr.js';
import { DESCRIPTIONS_FR } from './descriptions-fr.js';

/** Every command of the tree with its path (`checks show`), the root first as ''. */
function walk(program: Command): Array<[string, Command]> {
  const found: Array<[string, Command]> = [['', program]];
  const visit = (command: Command, path: string) => {
    for (const child of command.commands) {
      const childPath = path ? `${path} ${child.name()}` : child.name();
      found.push([childPath, child]);
      visit(child, childPath);
    }
  };
  visit(program, '');
  return found;
}

/** The English text a command prints after its options, as commander would write it. */
export function afterHelpText(command: Command): string {
  const parts: string[] = [];
  for (const listener of (command as unknown as EventEmitter).listeners('afterHelp')) listener({ error: false, command, write: (text: string) => parts.push(text) });
  return parts.join('');
}

/**
 * Puts the whole program in `lang`: descriptions, help titles and commander's own errors. The commands are written
 * in English (their registration files stay short); French comes from runner/cli/help/*-fr.ts. The hints commander
 * prints after an error (`--help` for more) are ours in both languages.
 */
export function localizeProgram(program: Command, lang: Lang): void {
  const after = lang === 'fr' ? '(ajoutez --help pour plus d’informations)' : '(add --help for more information)';
  for (const [path, command] of walk(program)) {
    command.helpOption('-h, --help', lang === 'fr' ? DESCRIPTIONS_FR[' --help'] : 'display help for this command');
    if (command.commands.length > 0) command.helpCommand('help [command]', lang === 'fr' ? 'afficher l’aide d’une commande' : 'display help for a command');
    command.showHelpAfterError(after);
    command.configureHelp({ ...helpConfiguration(lang) });
    command.configureOutput({
      outputError: (text, write) => write(lang === 'fr' ? frenchTypography(commanderErrorFr(text)) : text),
    });
    if (lang !== 'fr') continue;
    const description = DESCRIPTIONS_FR[path];
    if (description) command.description(description);
    for (const argument of command.registeredArguments) {
      const text = DESCRIPTIONS_FR[`${path} <${argument.name()}>`];
      if (text) argument.description = text;
    }
    for (const option of command.options) {
      const text = DESCRIPTIONS_FR[`${path} ${option.long ?? option.short}`];
      if (text) option.description = text;
    }
    const english = afterHelpText(command);
    if (english) {
      (command as unknown as EventEmitter).removeAllListeners('afterHelp');
      command.addHelpText('after', AFTER_HELP_FR[path] ?? translateTitles(english.replace(/\n$/, '')));
    }
  }
}

/** Help titles and the `(default: …)` notes in `lang`, French typography in French. */
function helpConfiguration(lang: Lang): Partial<Help> {
  if (lang !== 'fr') return {};
  const base = new Help();
  return {
    styleTitle: (title: string) => TITLES_FR[title] ?? title,
    commandUsage: (command) => base.commandUsage(command).replace('[command]', '[commande]'),
    subcommandTerm: (command) => base.subcommandTerm(command).replace('[command]', '[commande]'),
    optionDescription: (option) => EXTRA_FR.reduce((text, [pattern, french]) => text.replace(pattern, french), base.optionDescription(option)),
    argumentDescription: (argument) => EXTRA_FR.reduce((text, [pattern, french]) => text.replace(pattern, french), base.argumentDescription(argument)),
  };
}
