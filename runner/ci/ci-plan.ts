import { PYTHON_PACKAGES } from '../images/recipes.js';
import { packageVersion } from '../paths.js';

/** What both CI templates do, in the same order; only the CI syntax around these lines differs. */
export interface CiPlan {
  scenario: string;
  /** npm spec of the tool: `mspr-lab@<version>`, a tarball URL or a git URL. */
  tool: string;
  /** Where the reports go, relative to the repository (uploaded as artefacts). */
  reports: string;
  /** Container image: Node 20 on Debian bookworm, so apt's python3-* packages are the ones mspr-lab expects. */
  image: string;
  /** The grade writes the GitHub job summary itself when `GITHUB_STEP_SUMMARY` is set (run-check-command.ts). */
  commands: { apt: string; install: string; check: string };
}

export const CI_IMAGE = 'node:20-bookworm';
export const REPORTS_DIR = 'mspr-reports';

/** Single quotes for the shell, so a scenario path with spaces or `$` stays one word. */
function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function ciPlan(options: { scenario: string; tool?: string }): CiPlan {
  const tool = options.tool ?? `mspr-lab@${packageVersion}`;
  const packages = ['git', 'ca-certificates', ...PYTHON_PACKAGES];
  return {
    scenario: options.scenario,
    tool,
    reports: REPORTS_DIR,
    image: CI_IMAGE,
    commands: {
      // Root in the container: no sudo. The same list the docker runtime image is built from.
      apt: `apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ${packages.join(' ')}`,
      install: `npm install -g --no-audit --no-fund ${quote(tool)}`,
      check: `mspr-lab check . --scenario ${quote(options.scenario)} --sandbox local --python /usr/bin/python3 --format json,junit,md,html --out ${REPORTS_DIR}`,
    },
  };
}
