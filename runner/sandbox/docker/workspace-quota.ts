import { MsprError } from '../../errors.js';
import { t, type Localized } from '../../i18n.js';
import type { DiskQuotaOutcome } from '../sandbox.js';
import { measureUsage, UsageUnmeasurable } from '../quota/disk-usage.js';
import { QuotaDisk } from '../quota/quota-disk.js';
import { describeFault, watchFallbackNotice } from '../quota/quota-messages.js';
import { quotaDiskSupport } from '../quota/quota-support.js';
import { diskQuotaWatcher } from './disk-watch.js';
import type { ExecWatcher } from './exec-runner.js';

/**
 * How the workspace quota is held: `filesystem` requires the run's own filesystem (an error where it cannot
 * be made), `watch` forces the fallback, `auto` (the default) uses the filesystem when the machine allows
 * and the watch otherwise, saying so. `MSPR_DISK_QUOTA` sets it for the CLI.
 */
export type DiskQuotaMode = 'auto' | 'filesystem' | 'watch';

/** `MSPR_DISK_QUOTA`'s value as a mode; unset is `auto`, anything unknown a usage error. */
export function diskQuotaModeFrom(value: string | undefined): DiskQuotaMode {
  if (!value || value === 'auto') return 'auto';
  if (value === 'filesystem' || value === 'watch') return value;
  throw new MsprError('MSPR_USAGE', t(`MSPR_DISK_QUOTA inconnu : ${value}`, `Unknown MSPR_DISK_QUOTA: ${value}`), {
    hint: t('Valeurs possibles : auto, filesystem, watch.', 'Possible values: auto, filesystem, watch.'),
  });
}

/**
 * Free space below which a quota filesystem counts as full after a step. ext4 may refuse a write (ENOSPC)
 * with up to about a MiB still free (its allocator keeps a per-CPU margin; 1 MiB measured here on 2 cores), and
 * a program that writes in large chunks stops with up to one chunk unwritten (a 4 MiB write refused whole was
 * seen on a loaded machine, leaving over 2 MiB free), so "full" is less than 4 MiB or 2 % of the limit left.
 */
const fullBelow = (limitBytes: number) => Math.max(4 * 2 ** 20, limitBytes / 50);

/** The workspace quota of one sandbox, whichever way it is held. */
export interface WorkspaceQuota {
  readonly enforcement: 'filesystem' | 'watch';
  /** Bytes the candidate may add to the workspace and trace folders. */
  readonly limitBytes: number;
  /** Why the quota is only a watch (for the report and the terminal). */
  readonly notice?: Localized;
  /** What watches each exec (nothing when the kernel holds the quota). */
  watchers(): ExecWatcher[];
  /** The measurement after an exec: something to report, or undefined. */
  afterExec(): Promise<{ outcome: DiskQuotaOutcome; text?: string } | undefined>;
  /** Gives the disk back (unmounts); `keepFiles` copies the folders' contents back onto the host first. */
  release(keepFiles: boolean): Promise<void>;
}

export interface WorkspaceQuotaRequest {
  runId: string;
  folders: string[];
  quotaBytes: number;
  mode: DiskQuotaMode;
  /** Watch interval (fallback only). */
  checkMs: number;
}

/** Makes the run's quota filesystem, or the watch where that cannot be done (or is not wanted). */
export async function provideWorkspaceQuota(request: WorkspaceQuotaRequest): Promise<WorkspaceQuota> {
  if (request.mode === 'watch') {
    return watchQuota(request, t('désactivé par le réglage MSPR_DISK_QUOTA=watch', 'disabled by the setting MSPR_DISK_QUOTA=watch'));
  }
  const support = quotaDiskSupport();
  let reason: Localized;
  if (support.ok) {
    try {
      return filesystemQuota(await QuotaDisk.create(request));
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      reason = t(`échec de la création du système de fichiers : ${text}`, `creating the filesystem failed: ${text}`);
    }
  } else {
    reason = support.reason;
  }
  if (request.mode === 'filesystem') {
    throw new MsprError('MSPR_SANDBOX_FAILED', t('Impossible de créer le système de fichiers du quota disque.', 'Cannot create the disk quota filesystem.'), {
      details: [reason.en],
      hint: t(
        'Lancez mspr-lab en root sur une machine avec des périphériques loop et e2fsprogs, ou MSPR_DISK_QUOTA=auto pour accepter la surveillance.',
        'Run mspr-lab as root on a machine with loop devices and e2fsprogs, or set MSPR_DISK_QUOTA=auto to accept the watch.',
      ),
    });
  }
  return watchQuota(request, reason);
}

function filesystemQuota(disk: QuotaDisk): WorkspaceQuota {
  return {
    enforcement: 'filesystem',
    limitBytes: disk.limitBytes,
    watchers: () => [],
    afterExec: async () => {
      // Undefined when the disk is already gone: a Ctrl-C released it while the step was ending.
      const free = await disk.freeBytes().catch(() => undefined);
      if (free === undefined || free >= fullBelow(disk.limitBytes)) return undefined;
      return { outcome: { enforcement: 'filesystem', state: 'reached', limitBytes: disk.limitBytes, usedBytes: Math.max(0, disk.limitBytes - free) } };
    },
    release: (keepFiles) => disk.release({ keepFiles }),
  };
}

async function watchQuota(request: WorkspaceQuotaRequest, reason: Localized): Promise<WorkspaceQuota> {
  const baselineBytes = (await measureUsage(request.folders)).bytes;
  const watched = { folders: request.folders, baselineBytes, quotaBytes: request.quotaBytes };
  const outcome = (state: DiskQuotaOutcome['state'], usedBytes: number | null): DiskQuotaOutcome => ({ enforcement: 'watch', state, limitBytes: request.quotaBytes, usedBytes });
  return {
    enforcement: 'watch',
    limitBytes: request.quotaBytes,
    notice: watchFallbackNotice(reason),
    watchers: () => [diskQuotaWatcher(watched, request.checkMs)],
    afterExec: async () => {
      try {
        const added = (await measureUsage(request.folders)).bytes - baselineBytes;
        return added > request.quotaBytes ? { outcome: outcome('exceeded', added) } : undefined;
      } catch (error) {
        const detail = error instanceof UsageUnmeasurable ? describeFault(error, request.folders[0]) : String(error);
        return { outcome: outcome('unmeasurable', null), text: detail };
      }
    },
    release: async () => undefined,
  };
}
