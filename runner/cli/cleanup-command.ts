import type { Command } from 'commander';
import { type Lang, pick, t } from '../i18n.js';
import { langOf } from './lang-option.js';
import { countOf } from '../i18n/format.js';

/** `mspr-lab cleanup`: removes containers, networks, volumes, quota disks and run folders left by crashed or killed runs. */
export function registerCleanupCommand(program: Command): void {
  program
    .command('cleanup')
    .description('remove what interrupted runs left: docker containers, networks, volumes (label mspr-lab.managed), quota disks and run folders')
    .option('--run <id>', 'only the resources, quota disk and run folder of this run id')
    .option('--work-dir <dir>', 'where run folders are (default: $MSPR_WORK_DIR or the temp folder)')
    .addHelpText(
      'after',
      `
Examples:
  mspr-lab cleanup
  mspr-lab cleanup --run 20260630-101500-cdp-data-ia-bloc1-etl-ab12
  mspr-lab cleanup --work-dir /srv/mspr-runs

Run folders are removed only when the mspr-lab process that made them is gone (checked by pid and start
time); those of running grades are never touched. Folders kept with --keep-workspace go only with --run.
Images are kept; see \`mspr-lab images list\`.`,
    )
    .action(async (options: { run?: string; workDir?: string }, command: Command) => {
      const lang = langOf(command);
      const say = (text: { fr: string; en: string }) => process.stdout.write(`${pick(text, lang)}\n`);
      const { cleanupDocker, cleanupQuotaDisks } = await import('../cleanup.js');
      const { cleanupRunFolders } = await import('../workdir/cleanup-run-folders.js');
      const { resolveWorkRoot } = await import('../settings.js');
      let count = 0;
      try {
        const report = await cleanupDocker({ runId: options.run });
        for (const name of report.containers) process.stdout.write(`container  ${name}\n`);
        for (const name of report.networks) process.stdout.write(`network    ${name}\n`);
        for (const name of report.volumes) process.stdout.write(`volume     ${name}\n`);
        // The serve networks' host firewall rules (runner/sandbox/docker/host-firewall.ts) have no name to print.
        if (report.firewallRules > 0) process.stdout.write(`firewall   ${report.firewallRules} iptables\n`);
        count += report.containers.length + report.networks.length + report.volumes.length + report.firewallRules;
      } catch (error) {
        // Without an engine there is no container to remove; the run folders below still are.
        if ((error as { code?: string }).code !== 'MSPR_SANDBOX_UNAVAILABLE') throw error;
        say(t('Docker injoignable : conteneurs non vérifiés.', 'Docker unreachable: containers not checked.'));
      }
      // After the containers (which hold them), before the run folders (whose removal never crosses a mount).
      const disks = await cleanupQuotaDisks({ runId: options.run });
      for (const disk of disks.removed) process.stdout.write(`disk       ${disk}\n`);
      for (const { image, pid } of disks.running) say(t(`gardé (en cours, pid ${pid}) : ${image}`, `kept (running, pid ${pid}): ${image}`));
      count += disks.removed.length;
      const folders = cleanupRunFolders({ workRoot: resolveWorkRoot(options.workDir), runId: options.run });
      for (const path of folders.removed) process.stdout.write(`run folder ${path}\n`);
      count += folders.removed.length;
      for (const { path, pid } of folders.running) say(t(`gardé (en cours, pid ${pid}) : ${path}`, `kept (running, pid ${pid}): ${path}`));
      for (const { path, reason } of folders.failed) say(t(`non supprimé (${reason}) : ${path}`, `not removed (${reason}): ${path}`));
      reportSkipped(folders.kept.length, folders.unowned.length, lang);
      say(count === 0 ? t('Rien à nettoyer.', 'Nothing to clean up.') : t(`${countOf(count, 'fr', 'élément supprimé', 'éléments supprimés')}.`, `${countOf(count, 'en', 'item', 'items')} removed.`));
      if (folders.failed.length > 0) process.exitCode = 2;
    });
}

function reportSkipped(kept: number, unowned: number, lang: Lang): void {
  const lines = [];
  if (kept > 0) lines.push(t(`${countOf(kept, 'fr', 'dossier gardé', 'dossiers gardés')} par --keep-workspace : à retirer avec --run <id>.`, `${countOf(kept, 'en', 'folder', 'folders')} kept by --keep-workspace: remove them with --run <id>.`));
  if (unowned > 0) lines.push(t(`${countOf(unowned, 'fr', 'dossier', 'dossiers')} sans propriétaire connu (ancienne version ?) : à retirer avec --run <id>.`, `${countOf(unowned, 'en', 'folder', 'folders')} with no known owner (older version?): remove them with --run <id>.`));
  for (const line of lines) process.stdout.write(`${pick(line, lang)}\n`);
}
