import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { newRunId } from '../../runner/run-id.js';
import { closeHostToBridge, firewallTag } from '../../runner/sandbox/docker/host-firewall.js';
import { engineRequiredTest, probeEngine } from './helpers.js';
import { runCliAsync } from './run-cli-async.js';

const engine = await probeEngine();
engineRequiredTest(engine);

function inputRules(): string {
  return execFileSync('iptables', ['-w', '10', '-S', 'INPUT'], { encoding: 'utf8' });
}

/** What a run that crashed between opening its serve network and removing it leaves: one host firewall rule. */
describe.skipIf(!engine.ok)('cleanup of a crashed run’s host firewall rule', () => {
  it('cleanup --run removes the rule, says so, and counts it', async () => {
    const runId = `${newRunId('cleanup-firewall')}-t${process.pid}`;
    const closure = await closeHostToBridge('msprsv-clean', runId);
    expect(closure.closed).toBe(true);
    expect(inputRules()).toContain(firewallTag(runId));

    const run = await runCliAsync(['cleanup', '--run', runId, '--lang', 'en']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('firewall   1 iptables\n');
    expect(run.stdout).toMatch(/^1 item/m);
    expect(inputRules()).not.toContain(firewallTag(runId));
  });
});
