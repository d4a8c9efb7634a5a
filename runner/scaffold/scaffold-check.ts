import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packagePath } from '../paths.js';
import { type NewCheckRequest, pieces, validateNewCheck } from './new-check-request.js';

/** What the scaffold wrote, relative to the source tree. */
export interface ScaffoldResult {
  created: string[];
  edited: string[];
}

/**
 * Writes a new check's pieces from the templates in `runner/scaffold/templates/` — the module, its
 * doc pages (English `<id>.md`, French `<id>.fr.md`, what `checks show --lang` prints), its table test — and adds its line to `checks/registry.ts` and
 * its row to the README's check table. Everything it writes compiles, and the check's test fails until the
 * check is written: `run` throws, the cases are named TODO (the tester refuses them) and the pieces
 * hold `TODO:` markers (the meta-test refuses them).
 */
export function scaffoldCheck(root: string, request: NewCheckRequest): ScaffoldResult {
  validateNewCheck(root, request);
  const values = templateValues(request);
  const [module, doc, frenchDoc, test] = pieces(request.id) as [string, string, string, string];
  const files: Array<[string, string]> = [
    [module, fill('check.ts.tmpl', values)],
    [doc, fill('check.md.tmpl', values)],
    [frenchDoc, fill('check.fr.md.tmpl', values)],
    [test, fill('check.test.ts.tmpl', values)],
  ];
  for (const [file, text] of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text, { flag: 'wx' });
  }
  edit(root, 'checks/registry.ts', (text) => withRegistryLine(text, request.id));
  edit(root, 'README.md', (text) => withReadmeRow(text, request));
  return { created: files.map(([file]) => file), edited: ['checks/registry.ts', 'README.md'] };
}

function templateValues(request: NewCheckRequest): Record<string, string> {
  const traced = request.evidence.includes('trace');
  return {
    id: request.id,
    criteria: request.criteria.length ? request.criteria.map((ref) => `'${ref}'`).join(', ') : "/* TODO: 'framework:code' refs, e.g. 'cdp-data-ia:C1.9' */",
    criteriaText: request.criteria.length ? criteriaText(request.criteria) : 'TODO: framework:code',
    evidence: request.evidence.map((kind) => `'${kind}'`).join(', '),
    traceImport: traced ? "import { NO_TRACE } from '../support/trace-support.js';\n" : '',
    noTraceMessage: traced ? '\n      ...NO_TRACE,' : '',
    traceIndexImport: traced ? "import { indexTraceEvents } from '../../../runner/tracer/trace-index.js';\n" : '',
    noTraceCase: traced ? "\n    { name: 'nothing traced', evidence: { trace: indexTraceEvents([]) }, expect: { status: 'skip', message: 'noTrace' } }," : '',
    noTraceFr: traced ? "\n- **non évalué** (`noTrace`) — aucun code Python n'a tourné avec le traceur." : '',
    noTraceEn: traced ? '\n- **skip** (`noTrace`) — no Python ran with the tracer.' : '',
  };
}

function fill(template: string, values: Record<string, string>): string {
  const text = readFileSync(packagePath('runner/scaffold/templates', template), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** `cdp-data-ia C1.9, C1.10; dev-ia-ds A1.1 C5`, as the README and the doc pages write criteria. */
export function criteriaText(refs: string[]): string {
  const byFramework = new Map<string, string[]>();
  for (const ref of refs) {
    const [framework, code] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
    byFramework.set(framework, [...(byFramework.get(framework) ?? []), code]);
  }
  return [...byFramework].map(([framework, codes]) => `${framework} ${codes.join(', ')}`).join('; ');
}

function edit(root: string, file: string, change: (text: string) => string): void {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** Adds `'id': () => import('./id.js'),` as the last entry of `checkLoaders`. */
export function withRegistryLine(registry: string, id: string): string {
  const start = registry.indexOf('export const checkLoaders');
  const end = start < 0 ? -1 : registry.indexOf('\n};', start);
  if (end < 0) throw new Error('checks/registry.ts: no `export const checkLoaders = { … };` to add the check to');
  return `${registry.slice(0, end)}\n  '${id}': () => import('./${id}.js'),${registry.slice(end)}`;
}

/** Adds the check's row at the end of the README's check table (`| check | criteria | verifies |`). */
export function withReadmeRow(readme: string, request: NewCheckRequest): string {
  const lines = readme.split('\n');
  const header = lines.findIndex((line) => /^\|\s*check\s*\|\s*criteria\s*\|\s*verifies\s*\|/.test(line));
  if (header < 0) throw new Error('README.md: no check table (| check | criteria | verifies |) to add the row to');
  let last = header + 1;
  while (lines[last + 1]?.startsWith('|')) last++;
  const criteria = request.criteria.length ? criteriaText(request.criteria) : 'TODO: criteria';
  lines.splice(last + 1, 0, `| \`${request.id}\` | ${criteria} | TODO: what it verifies, in one line |`);
  return lines.join('\n');
}
