import { describe, expect, it } from 'vitest';
import { fixturesIn, scenarioArgument } from '../helpers/fixture-expectations.js';
import { runCliAsync } from './run-cli-async.js';
import { engineRequiredTest, probeEngine } from './helpers.js';
import { RunTracker } from './leftovers.js';

const engine = await probeEngine();
engineRequiredTest(engine);
const runs = new RunTracker();

/**
 * The served apps in the docker sandbox: the app listens inside the container and is reached from the host at the
 * container's address on the run's internal serve network (never a published port, never 127.0.0.1); the verdicts
 * are those of the local sandbox, and the network goes with the container.
 */
describe.skipIf(!engine.ok)('served apps (docker sandbox)', () => {
  for (const name of ['serve/api-fastapi', 'serve/form-flask', 'serve/tableau-flask', 'serve/tableau-sans-description']) {
    const fx = fixturesIn('serve').find((f) => f.name === name)!;
    it(`${name}: same verdicts as locally, reached at the container's address`, async () => {
      const run = await runCliAsync(['check', fx.dir, '--scenario', scenarioArgument(fx, fx.runs[0]!), '--sandbox', 'docker'], { MSPR_WORK_DIR: '/tmp/mspr-serve-tests' });
      const report = run.report!;
      expect(report, run.stderr).toBeDefined();
      runs.track({ runId: report.runId });
      expect(report.sandbox.backend).toBe('docker');
      expect(Object.fromEntries(report.verdicts.map((v) => [v.id, v.status])), JSON.stringify(report.verdicts.map((v) => [v.id, v.message.en]))).toEqual(fx.runs[0]!.verdicts);
      for (const [id, key] of Object.entries(fx.runs[0]!.messages ?? {})) expect(report.verdicts.find((v) => v.id === id)?.messageKey, id).toBe(key);
      const app = report.verdicts.find((v) => v.id === 'http/app-answers')!.evidence.find((e) => e.subject === 'app')!;
      const baseUrl = String(app.data?.baseUrl);
      expect(baseUrl).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:8000$/);
      expect(baseUrl).not.toContain('127.0.0.1');
      await runs.expectNoLeftovers(engine.client);
    }, 600_000);
  }
});
