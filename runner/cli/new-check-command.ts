import type { Command } from 'commander';
import type { EvidenceKind } from '../../checks/verdict.js';
import { pick, t } from '../i18n.js';
import { findSourceTree } from '../scaffold/project-root.js';
import { scaffoldCheck } from '../scaffold/scaffold-check.js';
import { langOf } from './lang-option.js';

const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);

/** `mspr-lab checks new <family>/<name>`: the pieces of a new check (module, English and French pages, table test), in the checkout around the working directory. */
export function registerNewCheckCommand(checks: Command): void {
  checks
    .command('new')
    .description('write a new check from the templates: module, doc page (fr/en), table test, registry line and README row')
    .argument('<id>', 'family/name, e.g. ml/training-procedure')
    .option('--criteria <refs>', 'comma-separated criterion refs, framework:code (scenarios/criteria.json)', list, [])
    .option('--evidence <kinds>', 'comma-separated evidence kinds: trace, artifact, db, http, git, static, step', list, ['trace'])
    .addHelpText(
      'after',
      '\nRun it inside your mspr-lab checkout; the guide is docs/writing-a-check.md.\nExample:\n  mspr-lab checks new ml/training-procedure --criteria cdp-data-ia:C3.3,dev-ia-ds:A1.2 C4 --evidence trace',
    )
    .action((id: string, options: { criteria: string[]; evidence: string[] }, command: Command) => {
      const lang = langOf(command);
      const root = findSourceTree(process.cwd());
      const result = scaffoldCheck(root, { id, criteria: options.criteria, evidence: options.evidence as EvidenceKind[] });
      const lines = [
        pick(t(`Vérification ${id} créée dans ${root} :`, `Check ${id} created in ${root}:`), lang),
        ...result.created.map((file) => `  + ${file}`),
        ...result.edited.map((file) => `  ~ ${file}`),
        '',
        pick(t('Étapes suivantes (docs/ecrire-une-verification.md) :', 'Next steps (docs/writing-a-check.md):'), lang),
        pick(t(`  1. écrire run() et les messages dans checks/${id}.ts`, `  1. write run() and the messages in checks/${id}.ts`), lang),
        pick(t(`  2. écrire les cas de test/checks/${id}.test.ts, puis : npx vitest run test/checks/${id}.test.ts`, `  2. write the cases of test/checks/${id}.test.ts, then: npx vitest run test/checks/${id}.test.ts`), lang),
        pick(t(`  3. compléter checks/${id}.md et la ligne du README (plus aucun « TODO: »)`, `  3. fill in checks/${id}.md and the README row (no "TODO:" left)`), lang),
        pick(t('  4. l’utiliser dans un scénario et une fixture de bout en bout, puis : npm run build', '  4. use it in a scenario and an end-to-end fixture, then: npm run build'), lang),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
