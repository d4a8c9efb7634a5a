import { afterEach, describe, expect, it } from 'vitest';
import { setVerbose, toSerializedError, withRunId } from '../../runner/errors.js';
import { serviceFailure } from '../../runner/services/service-failure.js';
import { t } from '../../runner/i18n.js';
import { candidateRepo, cli, cliEnv, entries, privateRoot } from '../faults/helpers.js';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { RunReport } from '../../reports/report.js';

afterEach(() => setVerbose(false));

describe('internal errors: a message and a hint that works, the stack only with --verbose', () => {
  it('without --verbose: no JS frames, and the hint names --verbose (an option every command has)', () => {
    const serialized = toSerializedError(new TypeError('Cannot read properties of undefined'));
    expect(serialized).toMatchObject({ code: 'MSPR_INTERNAL', message: { en: 'Internal error: Cannot read properties of undefined' }, details: [] });
    expect(serialized.hint!.en).toBe('Run again with --verbose to see where it happened, and report the problem with the report.json attached.');
    expect(serialized.hint!.fr).toContain('Relancez avec --verbose');
  });

  it('with --verbose: the whole stack, on one line', () => {
    setVerbose(true);
    const [stack] = toSerializedError(new Error('boom')).details;
    expect(stack).toMatch(/^Error: boom \| at .*error-hints\.test\.ts/);
  });

  it('the real CLI accepts --verbose on check (it used to be unknown there)', () => {
    const root = privateRoot('verbose');
    const run = cli(['check', candidateRepo(root), '-s', join(root, 'missing.yaml'), '--verbose', '--out', join(root, 'out')], cliEnv(join(root, 'work')));
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('MSPR_SCENARIO_NOT_FOUND');
    expect(run.stderr).not.toContain("unknown option '--verbose'");
  });
});

describe('engine-failure hints name this run', () => {
  it('`mspr-lab cleanup --run <id>` with the real run id, never a bare cleanup', () => {
    const error = serviceFailure('db', t('le serveur s’est arrêté', 'the server stopped'));
    const hint = withRunId(error.toJSON(), '20261201-101500-cdp-data-ia-bloc1-etl-ab12').hint!;
    expect(hint.en).toBe('See the server’s last lines above; check available memory and run again. `mspr-lab cleanup --run 20261201-101500-cdp-data-ia-bloc1-etl-ab12` removes this run’s leftovers.');
    expect(hint.fr).toContain('`mspr-lab cleanup --run 20261201-101500-cdp-data-ia-bloc1-etl-ab12` retire les restes de ce passage.');
  });

  it('docker unreachable under --sandbox docker: the report’s hint does not offer the local sandbox for untrusted code', () => {
    const root = privateRoot('nodocker');
    const out = join(root, 'out');
    const env = cliEnv(join(root, 'work'), { DOCKER_HOST: 'unix:///nonexistent/mspr-faults-docker.sock' });
    const run = cli(['check', candidateRepo(root), '-s', 'cdp-data-ia-bloc1-etl', '--sandbox', 'docker', '--out', out, '--quiet'], env);
    expect(run.exitCode).toBe(2);
    const report = JSON.parse(readFileSync(join(out, entries(out)[0]!, 'report.json'), 'utf8')) as RunReport;
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.code).toBe('MSPR_SANDBOX_UNAVAILABLE');
    expect(report.errors[0]!.hint!.en).toMatch(/start dockerd or check DOCKER_HOST/);
    expect(report.errors[0]!.hint!.en).not.toMatch(/or use --sandbox local/);
    expect(entries(join(root, 'work'))).toEqual([]);
  });
});
