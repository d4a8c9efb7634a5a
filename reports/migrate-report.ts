import { t } from '../runner/i18n.js';
import { rollUpCompetencies } from './competencies.js';
import { REPORT_SCHEMA_VERSION, type RunReport } from './report.js';

/**
 * Brings a report written under an older schema up to the current one, in memory, for `render`: the file on
 * disk is not touched unless it is rendered over. 1.0 → 1.1: the competency roll-up is computed from the
 * report's own verdicts and jury items (it needs nothing else), while the score stays the one 1.0 computed
 * (skipped checks left out of the maximum, a failed check keeping its partial score): recomputing it would need
 * the scenario's `scoring`, which 1.0 did not record. An assumption says so in every rendering.
 * Anything else is returned as it is, for the schema to judge.
 */
export function migrateReport(document: unknown): unknown {
  if (!isObject(document) || document.schemaVersion !== '1.0') return document;
  const old = document as unknown as Omit<RunReport, 'schemaVersion' | 'competencies'>;
  const framework = typeof old.scenario?.framework === 'string' ? old.scenario.framework : '';
  const verdicts = Array.isArray(old.verdicts) ? old.verdicts : [];
  const manual = Array.isArray(old.manual) ? old.manual : [];
  const note = t(
    `Rapport au format 1.0, relu par mspr-lab ${REPORT_SCHEMA_VERSION} : la grille par compétence est calculée à partir de ses verdicts ; le score reste celui de 1.0 (vérifications sautées hors du maximum, échecs à crédit partiel). Relancez l’évaluation pour un score comparable aux autres équipes.`,
    `Report in format 1.0, read by mspr-lab ${REPORT_SCHEMA_VERSION}: the competency grid is computed from its verdicts; the score stays the 1.0 one (skipped checks out of the maximum, failures with partial credit). Grade again for a score comparable with other teams.`,
  );
  return {
    ...old,
    schemaVersion: REPORT_SCHEMA_VERSION,
    migratedFrom: '1.0',
    assumptions: [...(Array.isArray(old.assumptions) ? old.assumptions : []), note],
    competencies: rollUpCompetencies(framework, verdicts, manual, true),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
