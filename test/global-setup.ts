import { execFileSync } from 'node:child_process';

/** End-to-end tests run the built CLI, so the build must match the sources being tested. */
export default function buildOnce(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
}
