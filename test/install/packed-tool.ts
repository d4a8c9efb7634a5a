import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packagePath } from '../../runner/paths.js';

/** What `npm pack --json` says about the tarball it wrote. */
export interface PackResult {
  filename: string;
  files: string[];
}

/**
 * The package's files as a fresh clone has them: tracked and untracked-but-not-ignored files, so no stale `dist/`
 * and no local outputs. `node_modules` is linked, not installed again (the tree's own, with its dev dependencies).
 */
export function cleanCopy(target: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: packagePath(), encoding: 'utf8' });
  for (const file of listed.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    // A file deleted but not yet staged is still listed by --cached: skip it like git would.
    try {
      cpSync(packagePath(file), join(target, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(packagePath('node_modules'), join(target, 'node_modules'));
}

/** Real `npm pack` in `source` (its prepack/prepare build run), the tarball written to `destination`. */
export function npmPack(source: string, destination: string): PackResult {
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: source,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 900_000,
  });
  // npm prints the lifecycle scripts' output before the JSON array.
  const [result] = JSON.parse(output.slice(output.indexOf('\n[') + 1)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { filename: join(destination, result!.filename), files: result!.files.map((file) => file.path) };
}

/** Real `npm install -g` of the tarball into a scratch prefix; returns the prefix's `bin` folder. */
export function npmInstallGlobal(tarball: string, prefix: string): { bin: string; exitCode: number; output: string } {
  const result = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', tarball], {
    encoding: 'utf8',
    // The native modules compile here (no prebuilt binaries reachable): minutes, on a shared machine.
    timeout: 1_800_000,
  });
  return { bin: join(prefix, 'bin'), exitCode: result.status ?? -1, output: `${result.stdout}\n${result.stderr}` };
}
