import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { firstLineOf } from '../../errors.js';
import { t, type Localized } from '../../i18n.js';

const run = promisify(execFile);

/** The comment every rule of a run carries, so `cleanup --run` finds what a crashed run left. */
export function firewallTag(runId: string): string {
  return `mspr-lab:${runId}`.slice(0, 250);
}

/** A bridge closed to the host, or why it could not be. */
export type HostClosure = { closed: true; dispose(): Promise<void> } | { closed: false; reason: Localized };

/**
 * Closes the host to what comes in from a serve network's bridge. The bridge keeps the host's address so the runner
 * can open connections to the app; without this rule the container could also open connections to whatever the
 * host listens on at every address (0.0.0.0: a database, an SSH server, another run's app). New connections from
 * the bridge are rejected at the host's INPUT chain; the replies to the runner's own connections are `ESTABLISHED`
 * and pass. Needs iptables and root, as the docker engine itself does.
 */
export async function closeHostToBridge(bridge: string, runId: string): Promise<HostClosure> {
  const rule = ['INPUT', '-i', bridge, '-m', 'conntrack', '--ctstate', 'NEW,INVALID', '-m', 'comment', '--comment', firewallTag(runId), '-j', 'REJECT'];
  try {
    await run('iptables', ['-w', '10', '-I', ...rule], { timeout: 20_000 });
  } catch (error) {
    const cause = firstLineOf(error);
    return {
      closed: false,
      reason: t(
        `Le pare-feu de l’hôte n’a pas pu être fermé au réseau de l’application (iptables : ${cause}) : sans lui, le code de l’équipe atteindrait les services de l’hôte. Lancez mspr-lab en root sur une machine où iptables est installé (sudo apt-get install -y iptables), comme le moteur Docker.`,
        `The host's firewall could not be closed to the app's network (iptables: ${cause}): without it the team's code would reach the host's services. Run mspr-lab as root on a machine with iptables installed (sudo apt-get install -y iptables), as the Docker engine is.`,
      ),
    };
  }
  return {
    closed: true,
    async dispose() {
      await run('iptables', ['-w', '10', '-D', ...rule], { timeout: 20_000 }).catch(() => undefined);
    },
  };
}

/** Removes the rules a run left (a crash between the network's creation and its removal), or every run's. */
export async function removeRunFirewallRules(runId?: string): Promise<number> {
  const tag = runId ? firewallTag(runId) : 'mspr-lab:';
  let listed: string;
  try {
    listed = (await run('iptables', ['-w', '10', '-S', 'INPUT'], { timeout: 20_000 })).stdout;
  } catch {
    return 0;
  }
  let removed = 0;
  for (const line of listed.split('\n')) {
    const comment = /--comment "?([^" ]+)"?/.exec(line)?.[1];
    if (!line.startsWith('-A INPUT ') || !comment || !(runId ? comment === tag : comment.startsWith(tag))) continue;
    const words = line.replace(/^-A /, '').split(' ').map((word) => word.replace(/^"(.*)"$/, '$1'));
    await run('iptables', ['-w', '10', '-D', ...words], { timeout: 20_000 }).then(() => (removed += 1), () => undefined);
  }
  return removed;
}

