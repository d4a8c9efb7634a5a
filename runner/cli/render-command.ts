import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { RunReport } from '../../reports/report.js';
import { MsprError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { asOutputError, prepareOutputFolder } from '../output/prepare-output.js';
import { langOf } from './lang-option.js';
import { repoLinkFor } from '../../reports/source-links.js';

export function registerRenderCommand(program: Command): void {
  program
    .command('render')
    .description('re-render a report.json into other formats without running anything again')
    .argument('<report.json>', 'the canonical report of a run')
    .option('-f, --format <list>', 'formats: junit,md,html,json', 'md')
    .option('-o, --out <dir>', 'output folder (default: beside the report)')
    .option('--stdout', 'print to stdout instead of writing files')
    .addHelpText('after', '\nExample:\n  mspr-lab render out/20261122-104512-cdp-data-ia-bloc1-etl-7f3a/report.json --format junit,md --lang en')
    .action(async (file: string, options: { format: string; out?: string; stdout?: boolean }, command: Command) => {
      const lang = langOf(command);
      const { renderersFor } = await import('../../reports/registry.js');
      const { validateReport } = await import('../../reports/validate-report.js');
      const { migrateReport } = await import('../../reports/migrate-report.js');
      const report = readReport(file, (content) => validateReport(migrateReport(content)), migrateReport);
      const renderers = renderersFor(options.format.split(',').map((f) => f.trim()).filter(Boolean));
      const outDir = options.stdout ? undefined : prepareOutputFolder(options.out ?? dirname(file), '--out');
      for (const renderer of renderers) {
        const text = renderer.render(report, lang, outDir ? { repoLink: repoLinkFor(report, outDir) } : {});
        if (!outDir) process.stdout.write(text);
        else {
          const path = join(outDir, `report.${renderer.extension}`);
          try {
            writeFileAtomic(path, text); // whole or not at all, even over the report.json it was read from
          } catch (error) {
            throw asOutputError(error, outDir, '--out');
          }
          process.stdout.write(`${path}\n`);
        }
      }
    });
}

function readReport(file: string, validateReport: (report: unknown) => string[], migrate: (report: unknown) => unknown): RunReport {
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MsprError('MSPR_REPORT_INVALID', { fr: `Rapport illisible : ${file} (${(error as Error).message})`, en: `Unreadable report: ${file} (${(error as Error).message})` });
  }
  const problems = validateReport(content);
  if (problems.length > 0) {
    throw new MsprError('MSPR_REPORT_INVALID', { fr: `${file} n'est pas un rapport mspr-lab valide.`, en: `${file} is not a valid mspr-lab report.` }, { details: problems });
  }
  return migrate(content) as RunReport;
}
