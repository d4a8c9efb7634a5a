import { Argument, type Command } from 'commander';
import { langOf } from './lang-option.js';

/** `mspr-lab ci github|gitlab`: a CI file that grades the candidate's repository on every push. */
export function registerCiCommand(program: Command): void {
  program
    .command('ci')
    .description('write a CI workflow that grades this repository on every push (GitHub Actions or GitLab CI)')
    .addArgument(new Argument('<kind>', 'github or gitlab').choices(['github', 'gitlab']))
    .requiredOption('-s, --scenario <id|file>', 'scenario the workflow grades with (a bundled id, or a file in the repository)')
    .option('--out <file>', 'where to write it (default: .github/workflows/mspr-lab.yml or .gitlab-ci.yml; - prints it)')
    .option('--tool <npm-spec>', 'what the workflow installs (default: mspr-lab@<this version>; a tarball or git URL works too)')
    .option('--force', 'replace an existing file')
    .addHelpText('after', '\nExamples:\n  mspr-lab ci github --scenario cdp-data-ia-bloc1-etl\n  mspr-lab ci gitlab -s cdp-data-ia-bloc3-regression --out -')
    .action(async (kind: 'github' | 'gitlab', options: { scenario: string; out?: string; tool?: string; force?: boolean }, command: Command) => {
      const { writeCiFile } = await import('../ci/write-ci-file.js');
      await writeCiFile({ kind, ...options, lang: langOf(command) });
    });
}
