import type { CheckEvidence } from '../../../../runner/evidence/check-evidence.js';
import { t, type Localized } from '../../../../runner/i18n.js';
import type { CheckUse } from '../../../../scenarios/scenario.js';
import { linkText } from './link-evidence.js';
import { inferredLinks } from './source-mappings.js';

/** Checks that compare sources with tables through `mappings` (or, without them, the links the trace shows). */
const MAPPING_CHECKS = new Set(['data/numeric-imputation', 'data/categorical-imputation', 'db/rows-match-source', 'db/no-truncation', 'db/types-fitted']);

/**
 * The report's word on the source → table links the data checks inferred, when some check compared sources
 * with tables without `mappings` from the scenario: which links, and that a scenario's mappings would win.
 * Undefined when no check needed them.
 */
export async function lineageNotice(uses: readonly CheckUse[], evidence: Pick<CheckEvidence, 'trace' | 'databases'>): Promise<Localized | undefined> {
  const inferring = uses.filter((use) => MAPPING_CHECKS.has(use.use) && !(use.with as { mappings?: unknown[] } | undefined)?.mappings?.length);
  if (inferring.length === 0 || !evidence.trace.available) return undefined;
  const services = [...new Set(inferring.map((use) => (use.with as { service?: string } | undefined)?.service))];
  const links = (await Promise.all(services.map((service) => inferredLinks(evidence, service)))).flat();
  if (links.length === 0) {
    return t(
      'Le scénario ne donne pas de « mappings » et la trace ne montre aucun fichier source chargé dans une table : les vérifications qui comparent sources et tables n’ont rien pu comparer.',
      'The scenario gives no "mappings" and the trace shows no source file loaded into a table: the checks comparing sources with tables had nothing to compare.',
    );
  }
  const list = (lang: 'fr' | 'en') => [...new Set(links.map((link) => linkText(link, lang)))].join(lang === 'fr' ? ' ; ' : '; ');
  return t(
    `Liens source → table déduits de la trace (le scénario ne donne pas de « mappings ») : ${list('fr')}. Des « mappings » dans le scénario l’emporteraient.`,
    `Source → table links inferred from the trace (the scenario gives no "mappings"): ${list('en')}. "mappings" in the scenario would win.`,
  );
}
