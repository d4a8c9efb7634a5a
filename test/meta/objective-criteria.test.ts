import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { knownCheckIds, loadCheck } from '../../checks/registry.js';
import { packagePath } from '../../runner/paths.js';
import { frameworkCriteria, knownCriterionRefs } from '../../scenarios/criteria.js';
import { listLibraryScenarioFiles, loadScenario } from '../../scenarios/load-scenario.js';
import { objectiveCriteria, parseRefs } from '../helpers/objective-criteria.js';

/**
 * Every objective criterion of CRITERIA.md (each row of its "Objective criteria" tables, for each framework ref
 * the row names) must be graded by a check: one of the row's checks below, registered, that declares the ref in
 * its `meta.criteria` or through a bundled scenario's `criteria` on one of its uses. Rows are matched to checks
 * by hand (ROW_CHECKS) because one code serves several rows: cdp-data-ia C2.6 is the notebook, the accessible
 * front end and the versioned team work, and steps/succeeded declaring it says nothing of accessibility.
 */
const ROW_CHECKS: Record<string, string[]> = {
  'DB installed and reachable': ['db/reachable'],
  'multi-format ingestion': ['data/sources-read'],
  'anomalies and missing values identified': ['data/missing-measured'],
  'quantitative imputation': ['data/numeric-imputation'],
  'qualitative imputation': ['data/categorical-imputation'],
  'rows loaded = rows in source': ['db/rows-match-source'],
  'first rows displayed': ['db/first-rows-read'],
  'no truncation': ['db/no-truncation'],
  'types and widths fitted': ['db/types-fitted'],
  'optimisation measured': ['db/optimisation-measured'],
  'selection and index': ['db/selection-and-index'],
  'storage structure': ['db/reachable', 'db/rows-match-source'],
  'automated querying': ['db/selection-and-index'],
  'descriptive statistics': ['analysis/descriptive-stats'],
  'scatter plot': ['viz/scatter'],
  distributions: ['viz/distribution'],
  correlations: ['viz/correlation'],
  'readable charts': ['viz/readable'],
  dashboard: ['analysis/dashboard'],
  notebook: ['steps/notebook-runs'],
  'troubleshooting log': ['artifact/troubleshooting-log'],
  'observations > variables': ['ml/observations-gt-variables'],
  'target identified and homogeneous': ['ml/target-homogeneous'],
  'train and test sets': ['ml/train-test-split'],
  'train ≥ 70 %': ['ml/train-ratio'],
  'required algorithms': ['ml/algorithms-fitted'],
  'models applied to test': ['ml/models-applied-to-test'],
  'required metrics': ['ml/metrics-on-test'],
  'metrics reported truthfully': ['ml/metrics-reported'],
  'grid search': ['ml/grid-search'],
  'best parameters reused': ['ml/best-params-reused'],
  'cross-validation': ['ml/cross-validation'],
  'training procedure': ['ml/training-procedure'],
  'overfitting watched': ['ml/overfitting-watched'],
  'web app hosted': ['http/app-answers'],
  'model integrated and functional': ['http/prediction-route'],
  'accessible front end': ['http/accessible'],
  'test plans run': ['tests/candidate-tests'],
  monitoring: ['http/monitoring'],
  'versioned team work': ['git/team-history'],
  'reproducible environment': ['repo/files-present', 'steps/succeeded'],
  'technical documentation': ['repo/files-present'],
  'personal data protected': ['repo/no-secrets', 'repo/personal-data'],
};

/**
 * Criteria that only checks still being written (issue 12) will grade: criterion ref → the planned check ids.
 * Empty it as the checks merge: an entry whose check is registered fails below, so the list only shrinks. The
 * scenarios list these criteria as manual items marked `# pending: <check>`, to swap for the check.
 */
const PENDING_CHECKS: Record<string, string[]> = {};

/** How this test reads the refs of CRITERIA.md that name no code of criteria.json. */
const INTERPRETED_REFS: Record<string, string[]> = {
  // Phase 1 of dev-ia-ds bloc 1 is the collection: A1.1 C2 (heterogeneous sources) and C3 (automated import).
  'dev-ia-ds bloc 1 phase 1': ['dev-ia-ds:A1.1 C2', 'dev-ia-ds:A1.1 C3'],
  // aivancity bloc 2's storage competency: « Sélectionner les outils techniques pour le stockage… ».
  'cdp-ia-aivancity bloc 2': ['cdp-ia-aivancity:C3.2'],
  // aivancity activity A3.4 « Viabilité et évolution des logiciels » is assessed through C5.4 (maintainable code).
  'cdp-ia-aivancity A3.4': ['cdp-ia-aivancity:C5.4'],
  // Phase 1 of dev-ia-ds bloc 3 asks for the technical documentation of the back end (A1.3 C1).
  'dev-ia-ds bloc 3 phase 1': ['dev-ia-ds:A1.3 C1'],
  // cerf-ia's evaluation criterion Cr5.1 belongs to competency C5.
  'cerf-ia Cr5.1': ['cerf-ia:C5'],
  // "(all)" beside reported metrics: every framework whose metrics row names a code.
  '(all)': ['cdp-data-ia:C3.4', 'dev-ia-ds:A1.2 C5', 'cdp-ia:A2C8'],
  // "all (RGPD)": each framework's data-protection competency.
  'all (RGPD)': ['cdp-data-ia:C2.1', 'dev-ia-ds:A1.1 C2', 'cdp-ia-aivancity:C3.1', 'cdp-ia:A2C2', 'cerf-ia:C5'],
};

const SHARED_CRITERIA = '/work/shared/CRITERIA.md';
const rows = objectiveCriteria(readFileSync(packagePath('docs/criteria.md'), 'utf8'));
const known = new Set(knownCriterionRefs());
const frameworks = Object.keys(frameworkCriteria());
const registered = new Set(knownCheckIds());
const pendingChecks = new Set(Object.values(PENDING_CHECKS).flat());

/** check id → the refs it declares (its meta, and every bundled scenario's `criteria` on its uses). */
const declared = new Map<string, Set<string>>();
/** Each `# pending: <check>, …` comment of the library, with the refs of the manual item it sits above. */
const pendingComments: Array<{ file: string; check: string; refs: string[] }> = [];

beforeAll(async () => {
  for (const id of registered) declared.set(id, new Set((await loadCheck(id))!.meta.criteria));
  for (const file of listLibraryScenarioFiles()) {
    const { scenario } = await loadScenario(file);
    for (const use of scenario.checks) for (const ref of use.criteria ?? []) declared.get(use.use)?.add(ref);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^\s*#\s*pending:\s*(.+)\n(?:\s*- criteria:\s*\[(.*)\])?/gm)) {
      const refs = [...(match[2] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      for (const check of match[1]!.split(',')) pendingComments.push({ file, check: check.trim(), refs });
    }
  }
});

describe('every objective criterion of CRITERIA.md has a check', () => {
  it.skipIf(!existsSync(SHARED_CRITERIA))('docs/criteria.md is the current CRITERIA.md', () => {
    expect(readFileSync(packagePath('docs/criteria.md'), 'utf8'), `copy ${SHARED_CRITERIA} to docs/criteria.md`).toBe(readFileSync(SHARED_CRITERIA, 'utf8'));
  });

  it('reads the objective rows, and each one is matched to its checks', () => {
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.map((row) => row.name).filter((name) => !ROW_CHECKS[name]), 'add these rows to ROW_CHECKS with the checks that grade them').toEqual([]);
    expect(Object.keys(ROW_CHECKS).filter((name) => !rows.some((row) => row.name === name)), 'ROW_CHECKS names rows CRITERIA.md no longer has').toEqual([]);
  });

  it('understands every framework ref of every row', () => {
    const unresolved = rows.flatMap((row) => parseRefs(row.refsText, frameworks, (ref) => known.has(ref), INTERPRETED_REFS).unresolved.map((part) => `${row.name}: "${part}"`));
    expect(unresolved, 'a ref with no code of scenarios/criteria.json: say how to read it in INTERPRETED_REFS').toEqual([]);
    for (const refs of Object.values(INTERPRETED_REFS)) for (const ref of refs) expect(known.has(ref), ref).toBe(true);
  });

  it('grades each ref of each row by one of its checks, or names the check that will', () => {
    const missing: string[] = [];
    for (const row of rows) {
      for (const ref of parseRefs(row.refsText, frameworks, (r) => known.has(r), INTERPRETED_REFS).refs) {
        const checks = ROW_CHECKS[row.name] ?? [];
        if (checks.some((id) => declared.get(id)?.has(ref))) continue;
        if ((PENDING_CHECKS[ref] ?? []).some((id) => checks.includes(id))) continue;
        missing.push(`${row.name} — ${ref} (checks: ${checks.join(', ')})`);
      }
    }
    expect(missing, 'objective criteria with no check: declare the ref in a check (meta.criteria or a scenario use), or list the planned check in PENDING_CHECKS').toEqual([]);
  });

  it('lists as pending only checks that do not exist yet, each planned for a row that names the ref', () => {
    const landed = Object.entries(PENDING_CHECKS).flatMap(([ref, ids]) => ids.filter((id) => registered.has(id)).map((id) => `${ref} → ${id}`));
    expect(landed, 'these checks are registered now: remove their PENDING_CHECKS entries (and swap the scenarios’ `# pending` manual items for the check)').toEqual([]);
    const stray = Object.entries(PENDING_CHECKS).flatMap(([ref, ids]) =>
      ids.filter((id) => !rows.some((row) => ROW_CHECKS[row.name]!.includes(id) && parseRefs(row.refsText, frameworks, (r) => known.has(r), INTERPRETED_REFS).refs.includes(ref))).map((id) => `${ref} → ${id}`),
    );
    expect(stray, 'pending entries no row of CRITERIA.md asks for').toEqual([]);
    const unknown = Object.values(ROW_CHECKS).flat().filter((id) => !registered.has(id) && !pendingChecks.has(id));
    expect(unknown, 'ROW_CHECKS names checks that are neither registered nor pending').toEqual([]);
  });

  it('marks `# pending` in the scenarios only checks still pending', () => {
    // Every planned check has landed (the list is empty); a new pending entry brings its markers back.
    const stale = pendingComments.filter(({ check }) => registered.has(check) || !pendingChecks.has(check)).map(({ file, check }) => `${file.split('/').pop()}: ${check}`);
    expect(stale, 'swap these manual items for the check (or fix the check id)').toEqual([]);
    expect(pendingComments.filter(({ refs }) => refs.length === 0).map(({ file }) => file), '`# pending:` goes on the line above a manual item\'s `- criteria: [...]`').toEqual([]);
  });

  it('gives every pending criterion a manual item marked with its planned check, so the jury grid has it meanwhile', () => {
    const unmarked = Object.entries(PENDING_CHECKS).flatMap(([ref, ids]) => ids.filter((id) => !pendingComments.some((c) => c.check === id && c.refs.includes(ref))).map((id) => `${ref} → ${id}`));
    expect(unmarked, 'add to a scenario of the framework a manual item quoting the criterion, with `# pending: <check>` above it').toEqual([]);
  });
});

describe('reading the framework refs of a row', () => {
  const read = (text: string) => parseRefs(text, frameworks, (ref) => known.has(ref), INTERPRETED_REFS);

  it('keeps the framework for later codes, expands ranges and drops remarks', () => {
    expect(read('cdp-data-ia C1.9, C1.10')).toEqual({ refs: ['cdp-data-ia:C1.9', 'cdp-data-ia:C1.10'], unresolved: [] });
    expect(read('cdp-data-ia C3.6; dev-ia-ds A1.3 C1–C2; cdp-ia-aivancity C1.5')).toEqual({ refs: ['cdp-data-ia:C3.6', 'dev-ia-ds:A1.3 C1', 'dev-ia-ds:A1.3 C2', 'cdp-ia-aivancity:C1.5'], unresolved: [] });
    expect(read('dev-ia-ds A1.3 C2 (WCAG 2.1 A/AA, RGAA); cdp-data-ia C2.6')).toEqual({ refs: ['dev-ia-ds:A1.3 C2', 'cdp-data-ia:C2.6'], unresolved: [] });
  });

  it('returns what it cannot read instead of guessing', () => {
    expect(read('cdp-data-ia C9.9; dev-ia-ds bloc 7; everything')).toEqual({ refs: [], unresolved: ['cdp-data-ia C9.9', 'dev-ia-ds bloc 7', 'everything'] });
    expect(read('cerf-ia Cr5.1')).toEqual({ refs: ['cerf-ia:C5'], unresolved: [] });
  });
});
