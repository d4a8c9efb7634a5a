import { spawn } from 'node:child_process';
import { MsprError } from '../../errors.js';
import { t } from '../../i18n.js';

/** A Debian build downloads and installs a few hundred packages: minutes, not hours. */
export const BUILD_TIMEOUT_MS = 45 * 60_000;

/**
 * Runs build-rootfs.sh with its inputs in the environment, forwarding its output line by line, bounded in
 * time. On failure the last lines of output go into the error, which is what one needs to see.
 */
export function runBuildScript(script: string, env: Record<string, string>, log: (line: string) => void, timeoutMs = BUILD_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', [script], {
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const recent: string[] = [];
    let partial = '';
    const onData = (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        recent.push(line);
        if (recent.length > 30) recent.shift();
        log(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    // SIGTERM lets the script's trap unmount /proc in the chroot before it goes.
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(failure([String(error)], error));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(failure([...recent, `exit ${code ?? signal}`]));
    });
  });
}

function failure(details: string[], cause?: unknown): MsprError {
  return new MsprError('MSPR_SANDBOX_FAILED', t("La construction de l'image Debian a échoué.", 'Building the Debian image failed.'), {
    cause,
    details,
    hint: t(
      'Vérifiez l’accès au miroir Debian (apt-get update), l’espace disque et que debootstrap est installé ; relancez avec --force.',
      'Check access to the Debian mirror (apt-get update), disk space and that debootstrap is installed; run again with --force.',
    ),
  });
}
