import type { Criterion } from '../../scenarios/criteria.js';
import type { Scenario } from '../../scenarios/scenario.js';

/** A check as coverage sees it: its id and the criterion refs its `meta` declares. */
export interface CheckCriteria {
  id: string;
  criteria: readonly string[];
}

/** How one criterion is graded: by checks (and the scenarios that run them for it), by the jury only, or not at all. */
export type CoverageStatus = 'checked' | 'manual' | 'uncovered';

/** A check that declares a criterion, with the bundled scenarios whose use of it grades that criterion. */
export interface CoveringCheck {
  id: string;
  /** Ids of the framework's scenarios; empty when none uses the check for this criterion yet. */
  scenarios: string[];
}

/** One row of the matrix: a criterion code of the framework and what grades it. */
export interface CriterionCoverage {
  code: string;
  label: string;
  status: CoverageStatus;
  checks: CoveringCheck[];
  /** Ids of the framework's scenarios with a `manual` item naming the criterion (the jury's box). */
  manual: string[];
}

export interface FrameworkCoverage {
  framework: string;
  counts: Record<CoverageStatus, number> & { total: number };
  criteria: CriterionCoverage[];
}

/**
 * The coverage matrix of one framework. A check declares a criterion through its own `meta.criteria` or through a
 * scenario's `criteria` on one of its uses (which replaces the check's own refs for that use, as the runner does);
 * a scenario of the framework grades the criterion when one of its uses of the check carries it. Scenarios of other
 * frameworks are left out: a jury grading cdp-data-ia bloc 1 does not grade dev-ia-ds, even through a shared check.
 */
export function frameworkCoverage(framework: string, criteria: readonly Criterion[], checks: readonly CheckCriteria[], allScenarios: readonly Scenario[]): FrameworkCoverage {
  const scenarios = allScenarios.filter((s) => s.framework === framework);
  const rows = criteria.map((criterion): CriterionCoverage => {
    const ref = `${framework}:${criterion.code}`;
    const covering = checks.flatMap((check): CoveringCheck[] => {
      const using = scenarios.filter((s) => s.checks.some((use) => use.use === check.id && (use.criteria ?? check.criteria).includes(ref)));
      return check.criteria.includes(ref) || using.length > 0 ? [{ id: check.id, scenarios: using.map((s) => s.id) }] : [];
    });
    const manual = scenarios.filter((s) => s.manual.some((item) => item.criteria.includes(ref))).map((s) => s.id);
    const status: CoverageStatus = covering.length > 0 ? 'checked' : manual.length > 0 ? 'manual' : 'uncovered';
    return { code: criterion.code, label: criterion.label, status, checks: covering, manual };
  });
  const count = (status: CoverageStatus) => rows.filter((row) => row.status === status).length;
  return { framework, counts: { total: rows.length, checked: count('checked'), manual: count('manual'), uncovered: count('uncovered') }, criteria: rows };
}
