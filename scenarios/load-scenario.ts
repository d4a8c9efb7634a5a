import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { countOf } from '../runner/i18n/format.js';
import { lineOfPath } from '../runner/yaml-errors/line-of-path.js';
import { withRebuildHint } from '../runner/build-freshness/stale-build.js';
import { MsprError } from '../runner/errors.js';
import type { Localized } from '../runner/i18n.js';
import { packagePath } from '../runner/paths.js';
import { compileSchema, formatSchemaErrors } from '../runner/schema-validation.js';
import type { LoadedScenario, Scenario } from './scenario.js';
import { unknownChecks, validateScenarioSemantics } from './validate-semantics.js';
import { describeYamlError } from '../runner/yaml-errors/describe-yaml-error.js';
import { formatBytes, MAX_DESCRIPTOR_BYTES, readBoundedText } from '../runner/evidence/read-bounded-text.js';

const validateShape = compileSchema<Scenario>(JSON.parse(readFileSync(packagePath('scenarios/scenario.schema.json'), 'utf8')));

export const SCENARIO_LIBRARY = packagePath('scenarios/library');

/**
 * Loads a scenario by file path or by library id, and reports every problem at once: a user fixing a
 * scenario should not discover errors one run at a time.
 */
export async function loadScenario(reference: string): Promise<LoadedScenario> {
  const file = resolveScenarioFile(reference);
  const { content, lineOf } = parseScenarioFile(file);
  const problems: string[] = [];
  if (!validateShape(content)) problems.push(...shapeProblems(validateShape.errors ?? [], lineOf), ...unknownChecks(content));
  const scenario = content as Scenario;
  if (problems.length === 0) {
    scenario.bloc = String(scenario.bloc);
    problems.push(...(await validateScenarioSemantics(scenario, dirname(file))));
  }
  if (problems.length > 0) {
    throw new MsprError(
      'MSPR_SCENARIO_INVALID',
      {
        fr: `Le scénario ${file} contient ${countOf(problems.length, 'fr', 'erreur', 'erreurs')}.`,
        en: `Scenario ${file} has ${countOf(problems.length, 'en', 'problem', 'problems')}.`,
      },
      {
        details: problems,
        hint: (problems.some((p) => p.includes('unknown check')) ? withRebuildHint : (h: Localized) => h)({
          fr: 'Corrigez chaque chemin signalé ; `mspr-lab scenarios validate <fichier>` revérifie sans rien exécuter.',
          en: 'Fix each reported path; `mspr-lab scenarios validate <file>` re-checks without running anything.',
        }),
      },
    );
  }
  return { scenario, source: file, baseDir: dirname(file) };
}

/** A path to an existing file, or the id of a bundled scenario. */
export function resolveScenarioFile(reference: string): string {
  const asPath = resolve(reference);
  if (existsSync(asPath) && statSync(asPath).isFile()) return asPath;
  const library = listLibraryScenarioFiles();
  const byId = library.find((file) => basename(file, extname(file)) === reference);
  if (byId) return byId;
  const ids = library.map((file) => basename(file, extname(file)));
  throw new MsprError(
    'MSPR_SCENARIO_NOT_FOUND',
    { fr: `Scénario introuvable : « ${reference} ».`, en: `Scenario not found: "${reference}".` },
    {
      details: [`bundled scenarios: ${ids.join(', ') || '(none)'}`],
      hint: {
        fr: 'Donnez le chemin d’un fichier YAML/JSON ou un identifiant listé par `mspr-lab scenarios list`.',
        en: 'Give the path of a YAML/JSON file or an id listed by `mspr-lab scenarios list`.',
      },
    },
  );
}

export function listLibraryScenarioFiles(): string[] {
  if (!existsSync(SCENARIO_LIBRARY)) return [];
  return readdirSync(SCENARIO_LIBRARY)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => join(SCENARIO_LIBRARY, name));
}

/**
 * One line per schema error, prefixed with the line of the value it is about when the file is YAML
 * (`checks[2].id: … (line 12)`): the dotted path alone leaves the user counting list items.
 */
function shapeProblems(errors: ErrorObject[], lineOf?: (instancePath: string) => number | undefined): string[] {
  const lines = errors.flatMap((error) => {
    // An unknown key is about the key itself, not the object holding it (whose line is the file's first).
    const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty?: string }).additionalProperty : undefined;
    const path = extra === undefined ? error.instancePath : `${error.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const line = path === '' ? undefined : lineOf?.(path);
    return formatSchemaErrors([error]).map((text) => (line ? `${text} (line ${line})` : text));
  });
  return [...new Set(lines)];
}

interface ParsedScenario {
  content: unknown;
  /** YAML files only: the line of the value at a JSON-schema instance path. */
  lineOf?: (instancePath: string) => number | undefined;
}

function parseScenarioFile(file: string): ParsedScenario {
  const text = readScenarioText(file);
  if (file.endsWith('.json')) {
    try {
      return { content: JSON.parse(text) };
    } catch (error) {
      throw invalid(file, [`(file): ${(error as Error).message}`]);
    }
  }
  // YAML is a superset of JSON, so a .yaml file may hold either; parse errors carry line and column.
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: true, lineCounter });
  if (document.errors.length > 0) {
    // The first error is the cause; the ones after it usually follow from it.
    const described = describeYamlError(file, text, document.errors[0]!);
    throw new MsprError('MSPR_SCENARIO_INVALID', { fr: described.fr, en: described.en }, {
      excerpt: described.excerpt,
      hint: { fr: 'Corrigez la syntaxe YAML à la ligne indiquée.', en: 'Fix the YAML syntax at the given line.' },
    });
  }
  try {
    // `maxAliasCount` (the yaml library's guard) stops a billion-laughs file before it fills the heap.
    const content: unknown = document.toJS({ maxAliasCount: MAX_ALIASES });
    return { content, lineOf: (instancePath) => lineOfPath(document, lineCounter, instancePath) };
  } catch (error) {
    throw invalid(file, [`(file): ${(error as Error).message} (more than ${MAX_ALIASES} alias expansions)`]);
  }
}

/** Aliases (`*name`) a scenario may expand; real scenarios use a handful to share options. */
const MAX_ALIASES = 100;

/** The file's text, any encoding; refused before reading when over the size cap. */
function readScenarioText(file: string): string {
  const read = readBoundedText(file);
  if (read.ok) return read.text;
  const size = read.reason === 'too-large' ? `${formatBytes(read.bytes)} > ${formatBytes(MAX_DESCRIPTOR_BYTES)}` : 'not a regular file';
  throw new MsprError(
    'MSPR_SCENARIO_INVALID',
    { fr: `Le scénario ${file} est refusé sans être lu : ${read.reason === 'too-large' ? `trop gros (${size})` : 'ce n’est pas un fichier ordinaire'}.`, en: `Scenario ${file} refused unread: ${read.reason === 'too-large' ? `too large (${size})` : 'not a regular file'}.` },
    { hint: { fr: 'Un scénario fait quelques kilo-octets : vérifiez que c’est le bon fichier.', en: 'A scenario is a few kilobytes: check that this is the right file.' } },
  );
}

function invalid(file: string, details: string[]): MsprError {
  return new MsprError(
    'MSPR_SCENARIO_INVALID',
    { fr: `Le scénario ${file} n'est pas lisible.`, en: `Scenario ${file} cannot be parsed.` },
    { details, hint: { fr: 'Vérifiez la syntaxe YAML/JSON à la ligne indiquée.', en: 'Check the YAML/JSON syntax at the given line.' } },
  );
}
