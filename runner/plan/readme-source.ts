import { t } from '../i18n.js';
import { type CommandContext, resolveCommand } from './command-steps.js';
import { findReadme, readmeCommands } from './readme-commands.js';
import { emptyFindings, type SourceFindings } from './run-plan.js';

/**
 * The README's commands as plan steps, in the README's order. When the README has run/usage sections
 * (« Lancer », « Exécution », « Utilisation », « Installation », "Usage"…), only their commands count;
 * a runnable command written elsewhere is listed as left out, so the team sees what was not taken.
 * `pip install -r …` lines count wherever they are: they tell the environment what to install.
 */
export function readmeFindings(ctx: CommandContext): SourceFindings & { file?: string } {
  const findings = emptyFindings();
  const file = findReadme(ctx.repo);
  const text = file ? ctx.repo.text(file) : undefined;
  if (!file || text === undefined) return findings;
  const commands = readmeCommands(text);
  const hasRunSection = commands.some((command) => command.inRunSection);
  for (const command of commands) {
    const source = `${file}:${command.line}`;
    if (command.placeholder) {
      findings.skipped.push({ path: command.text, source, reason: t('la commande contient un paramètre à remplir (<…>)', 'the command has a parameter to fill in (<…>)') });
      continue;
    }
    if (!hasRunSection || command.inRunSection) {
      resolveCommand(command, source, ctx, findings);
      continue;
    }
    const outside = emptyFindings();
    resolveCommand(command, source, ctx, outside);
    findings.requirementFiles.push(...outside.requirementFiles.filter((r) => !findings.requirementFiles.some((known) => known.file === r.file)));
    findings.skipped.push(...outside.skipped);
    for (const step of outside.steps) {
      findings.skipped.push({ path: step.run.join(' '), source, reason: t('hors des sections du README qui disent comment lancer le projet', 'outside the README sections that say how to run the project') });
    }
  }
  return { ...findings, file };
}
