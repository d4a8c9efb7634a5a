#!/usr/bin/env node
/**
 * How long the team's Python environment takes: a first install (venv + pip from a wheel folder) against the
 * same requirements served from the cache, then forty teams with the same requirements in a row. Local
 * installer, and the docker one when an engine and a runtime image with pip are there. Needs the built code:
 *   npx tsc -p tsconfig.json && node bench/environment-install.mjs
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dist = new URL('../dist/runner/', import.meta.url);
const { prepareEnvironment } = await import(new URL('environment/prepare-environment.js', dist));
const { LocalInstaller } = await import(new URL('environment/local-installer.js', dist));
const PYTHON = process.env.MSPR_PYTHON ?? '/usr/bin/python3';
const TEAMS = Number(process.argv[2] ?? 40);

/** Four small pure-Python wheels, written as the tests write theirs (PyPI is not reachable here). */
function wheelhouse() {
  const dir = mkdtempSync(join(tmpdir(), 'mspr-bench-wheels-'));
  const script = `
import base64, hashlib, sys, zipfile
out = sys.argv[1]
for name in ["mspr_bench_a", "mspr_bench_b", "mspr_bench_c", "mspr_bench_d"]:
    info = name + "-1.0.0.dist-info"
    files = {name + "/__init__.py": "VALUE = 1\\n", info + "/METADATA": "Metadata-Version: 2.1\\nName: %s\\nVersion: 1.0.0\\n" % name,
             info + "/WHEEL": "Wheel-Version: 1.0\\nGenerator: bench\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"}
    record = ["%s,sha256=%s,%d" % (p, base64.urlsafe_b64encode(hashlib.sha256(t.encode()).digest()).rstrip(b"=").decode(), len(t)) for p, t in files.items()]
    with zipfile.ZipFile("%s/%s-1.0.0-py3-none-any.whl" % (out, name), "w") as z:
        for p, t in files.items():
            z.writestr(p, t)
        z.writestr(info + "/RECORD", "\\n".join(record + [info + "/RECORD,,"]) + "\\n")
`;
  execFileSync('/usr/bin/python3', ['-c', script, dir]);
  chmodSync(dir, 0o755); // the docker install container runs as a non-root uid
  return dir;
}

const REQUIREMENTS = 'pandas>=1.5\nscikit-learn>=1.2\nmatplotlib\nseaborn\nnumpy\nSQLAlchemy>=1.4\nmspr-bench-a\nmspr-bench-b==1.0.0\nmspr-bench-c\nmspr-bench-d\n';

function repo(text) {
  const dir = mkdtempSync(join(tmpdir(), 'mspr-bench-repo-'));
  writeFileSync(join(dir, 'requirements.txt'), text);
  return dir;
}

async function time(installer, settings, text) {
  const scratch = mkdtempSync(join(tmpdir(), 'mspr-bench-io-'));
  const started = performance.now();
  const prepared = await prepareEnvironment({ workspaceDir: repo(text), folders: ['.'], files: [] }, { runId: `bench-env-${process.pid}`, installer, settings, scratchDir: scratch });
  return { ms: performance.now() - started, record: prepared.record };
}

async function bench(label, installer) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'mspr-bench-cache-'));
  mkdirSync(cacheDir, { recursive: true });
  const settings = { trustedHosts: [], allowSdist: false, wheelhouse: wheelhouse(), cacheDir, timeoutSec: 900 };
  const first = await time(installer, settings, REQUIREMENTS);
  const cached = await time(installer, settings, REQUIREMENTS);
  const started = performance.now();
  for (let team = 0; team < TEAMS; team++) await time(installer, settings, REQUIREMENTS.split('\n').reverse().join('\n'));
  const batch = performance.now() - started;
  const offline = await time(installer, { ...settings, wheelhouse: undefined }, 'pandas==2.1.3\nmissingno==0.5.2\nseaborn\n');
  const count = (record, status) => record.requirements.filter((r) => r.status === status).length;
  console.log(`\n${label}`);
  console.log(`  first install (10 requirements: ${count(first.record, 'installed')} installed, ${count(first.record, 'preinstalled')} already in the image; ${first.record.pipCalls} pip call): ${(first.ms / 1000).toFixed(2)} s`);
  console.log(`  same requirements again (cached: ${cached.record.cached}, pip calls: ${cached.record.pipCalls}): ${(cached.ms / 1000).toFixed(3)} s`);
  console.log(`  ${TEAMS} teams with the same requirements after that: ${(batch / 1000).toFixed(2)} s in all, ${(batch / TEAMS / 1000).toFixed(3)} s each`);
  console.log(`  offline, nothing installable (2 unmet, 1 in the image; ${offline.record.pipCalls} pip call): ${(offline.ms / 1000).toFixed(2)} s`);
}

await bench(`local installer (${PYTHON})`, new LocalInstaller(PYTHON));

try {
  const { DockerClient } = await import(new URL('sandbox/docker/docker-client.js', dist));
  const { latestImage } = await import(new URL('images/image-lookup.js', dist));
  const { DockerInstaller } = await import(new URL('environment/docker-installer.js', dist));
  const client = new DockerClient();
  const image = await latestImage(client, 'python');
  if (!image) throw new Error('no runtime image (mspr-lab images build python)');
  if (!/python3-pip=/.test(image.labels['mspr-lab.packages'] ?? '')) throw new Error(`${image.tag} has no python3-pip (mspr-lab images build python)`);
  await bench(`docker installer (${image.tag}, install container with network none)`, new DockerInstaller(client, image.tag, { memoryMb: 2048, cpus: 1, pids: 1024 }));
} catch (error) {
  console.log(`\ndocker installer: skipped (${error.message})`);
}
