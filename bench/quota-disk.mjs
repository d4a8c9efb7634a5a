#!/usr/bin/env node
/**
 * Cost of the per-run quota filesystem (runner/sandbox/quota): a 2 GiB sparse image, mkfs.ext4, loop mount,
 * the workspace moved onto it, the excess reserved for root, bind mounts; then the release (unmounts, loop detach, image
 * deleted). Median of N runs (default 7, first one discarded as warm-up), for an empty workspace and for a
 * repository of the given size. Needs root, loop devices, e2fsprogs and the built code:
 *   npx tsc -p tsconfig.json && sudo node bench/quota-disk.mjs [runs] [repo MiB]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dist = new URL('../dist/runner/sandbox/quota/', import.meta.url);
const { QuotaDisk } = await import(new URL('quota-disk.js', dist));
const { quotaDiskSupport } = await import(new URL('quota-support.js', dist));
const { mkfsArgs, MOUNT_OPTIONS } = await import(new URL('mount-commands.js', dist));

const RUNS = Number(process.argv[2] ?? 7);
const REPO_MIB = Number(process.argv[3] ?? 200);
const QUOTA = 2 * 2 ** 30;
const support = quotaDiskSupport();
if (!support.ok) {
  console.error(`quota disk unavailable here: ${support.reason.en}`);
  process.exit(1);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;

/** A run folder whose workspace holds `mib` MiB in 1 MiB files plus a few small sources. */
function runFolder(mib) {
  const root = mkdtempSync(join(tmpdir(), 'mspr-bench-quota-'));
  const workspace = join(root, 'workspace');
  const trace = join(root, 'trace');
  mkdirSync(join(workspace, 'src'), { recursive: true });
  mkdirSync(trace);
  for (let i = 0; i < 20; i++) writeFileSync(join(workspace, 'src', `module_${i}.py`), `print(${i})\n`.repeat(50));
  const chunk = Buffer.alloc(2 ** 20, 7);
  if (mib > 0) mkdirSync(join(workspace, 'data'));
  for (let i = 0; i < mib; i++) writeFileSync(join(workspace, 'data', `part-${i}.csv`), chunk);
  return { root, folders: [workspace, trace] };
}

async function measure(mib) {
  const create = [];
  const release = [];
  let imageKiB = 0;
  for (let i = 0; i <= RUNS; i++) {
    const { root, folders } = runFolder(mib);
    execFileSync('sync');
    const t0 = performance.now();
    const disk = await QuotaDisk.create({ runId: `bench-quota-${process.pid}-${i}`, folders, quotaBytes: QUOTA });
    const t1 = performance.now();
    execFileSync('sync'); // the copy sits in the page cache until written back through the loop device
    imageKiB = Number(execFileSync('du', ['-k', disk.image], { encoding: 'utf8' }).split('\t')[0]);
    const t2 = performance.now();
    await disk.release();
    const t3 = performance.now();
    rmSync(root, { recursive: true, force: true });
    if (i === 0) continue;
    create.push(t1 - t0);
    release.push(t3 - t2);
  }
  return { create: median(create), release: median(release), imageKiB };
}

/** The bare filesystem, without mspr-lab's moves: sparse file, mkfs, mount, unmount. */
function bare() {
  const phases = { mkfs: [], mount: [], umount: [] };
  for (let i = 0; i <= RUNS; i++) {
    const root = mkdtempSync(join(tmpdir(), 'mspr-bench-quota-'));
    const image = join(root, 'disk.img');
    const point = join(root, 'mnt');
    mkdirSync(point);
    execFileSync('truncate', ['-s', String(QUOTA + 64 * 2 ** 20), image]);
    const t0 = performance.now();
    execFileSync('mkfs.ext4', mkfsArgs(image, 'mspr-bench', 4096 + QUOTA / 16_384));
    const t1 = performance.now();
    execFileSync('mount', ['-t', 'ext4', '-o', MOUNT_OPTIONS, image, point]);
    const t2 = performance.now();
    execFileSync('umount', [point]);
    const t3 = performance.now();
    rmSync(root, { recursive: true, force: true });
    if (i === 0) continue;
    phases.mkfs.push(t1 - t0);
    phases.mount.push(t2 - t1);
    phases.umount.push(t3 - t2);
  }
  return Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)]));
}

const b = bare();
const empty = await measure(0);
const repo = await measure(REPO_MIB);
console.log(`mspr-lab quota disk — 2 GiB quota, median of ${RUNS} runs (kernel ${execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim()}, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);
console.log('bare filesystem (2 GiB image)');
console.log(`  mkfs.ext4 (sparse image)         ${ms(b.mkfs)}`);
console.log(`  mount -o loop                    ${ms(b.mount)}`);
console.log(`  umount (loop detaches itself)    ${ms(b.umount)}`);
console.log(`  total                            ${ms(b.mkfs + b.mount + b.umount)}`);
console.log('per run (QuotaDisk.create: measure, image, mkfs, mount, copy in, root reserve, bind mounts; release: unmounts, image deleted)');
console.log(`  empty workspace      create ${ms(empty.create)}   release ${ms(empty.release)}   image on disk ${(empty.imageKiB / 1024).toFixed(1)} MiB`);
console.log(`  ${String(REPO_MIB).padStart(4)} MiB workspace  create ${ms(repo.create)}   release ${ms(repo.release)}   image on disk ${(repo.imageKiB / 1024).toFixed(1)} MiB`);
