import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MsprError } from '../errors.js';
import { t } from '../i18n.js';
import { defaultCacheDir } from '../settings.js';

/** Where the team's packages may come from, and where installs are cached. Set by the grader, never by a repository. */
export interface EnvironmentSettings {
  /** A PEP 503 index (a school's PyPI mirror): the only case where an install gets network access. */
  indexUrl?: string;
  /** Hosts pip may reach without a valid certificate (a mirror over plain HTTP). */
  trustedHosts: string[];
  /** A folder of wheels (`pip download`-ed on a connected machine, or built by a school), read-only. */
  wheelhouse?: string;
  /** Allow source archives, whose build scripts run at install; wheels only by default. */
  allowSdist: boolean;
  /** Installed venvs go to `<cacheDir>/venvs/<key>`. */
  cacheDir: string;
  /** Bound on one install (every pip call of it). */
  timeoutSec: number;
}

export interface EnvironmentFlags {
  pipIndex?: string;
  pipTrustedHost?: string[];
  wheelhouse?: string;
  allowSdist?: boolean;
}

const DEFAULT_INSTALL_TIMEOUT_SEC = 900;

/** Flags first, then `MSPR_PIP_INDEX_URL`, `MSPR_PIP_TRUSTED_HOST` (comma-separated), `MSPR_WHEELHOUSE`, `MSPR_ALLOW_SDIST=1`. */
export function resolveEnvironmentSettings(flags: EnvironmentFlags = {}, env: NodeJS.ProcessEnv = process.env): EnvironmentSettings {
  const indexUrl = flags.pipIndex ?? (env.MSPR_PIP_INDEX_URL || undefined);
  if (indexUrl && !/^https?:\/\/[^\s]+$/i.test(indexUrl)) {
    throw new MsprError('MSPR_USAGE', t(`Index pip invalide : ${indexUrl}`, `Invalid pip index: ${indexUrl}`), {
      hint: t('Donnez l’URL http(s) d’un index « simple » (PEP 503), par exemple https://pypi.ecole.fr/simple.', 'Give the http(s) URL of a "simple" (PEP 503) index, e.g. https://pypi.school.example/simple.'),
    });
  }
  const wheelhouse = flags.wheelhouse ?? (env.MSPR_WHEELHOUSE || undefined);
  if (wheelhouse && !isFolder(wheelhouse)) {
    throw new MsprError('MSPR_USAGE', t(`Dossier de wheels introuvable : ${wheelhouse}`, `Wheel folder not found: ${wheelhouse}`), {
      hint: t('Donnez un dossier qui contient des fichiers .whl (--wheelhouse ou MSPR_WHEELHOUSE).', 'Give a folder holding .whl files (--wheelhouse or MSPR_WHEELHOUSE).'),
    });
  }
  const trusted = flags.pipTrustedHost?.length ? flags.pipTrustedHost : (env.MSPR_PIP_TRUSTED_HOST ?? '').split(',');
  return {
    indexUrl,
    trustedHosts: trusted.map((host) => host.trim()).filter(Boolean),
    wheelhouse: wheelhouse ? resolve(wheelhouse) : undefined,
    allowSdist: flags.allowSdist ?? env.MSPR_ALLOW_SDIST === '1',
    cacheDir: defaultCacheDir(env),
    timeoutSec: Number(env.MSPR_INSTALL_TIMEOUT_SEC) > 0 ? Number(env.MSPR_INSTALL_TIMEOUT_SEC) : DEFAULT_INSTALL_TIMEOUT_SEC,
  };
}

/** An index URL as reports show it: a password or token in it is replaced by `***`. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^/@:\s]+)(:[^/@\s]*)?@/g, (_whole, user: string, password?: string) => `//${password ? `${user}:***` : '***'}@`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
