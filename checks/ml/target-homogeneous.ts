import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import type { TargetEvent } from '../../runner/tracer/trace-event-types.js';
import type { Task } from './support/algorithms.js';
import { TASK_OPTION } from './support/task-option.js';
import { factsOrSkip, NO_TRACE, traced, where } from '../support/trace-support.js';
import { mlFacts } from './support/ml-facts.js';
import { NEEDS, needsRun, STATIC_NEEDS_RUN } from './support/ml-evidence.js';

interface Options {
  task: Task;
  maxClasses: number;
}

type Problem = 'notSeparated' | 'mixed' | 'notQuantitative' | 'notQualitative';

function problemOf(target: TargetEvent, options: Options): Problem | undefined {
  if (target.target_in_features) return 'notSeparated';
  if (target.kind === 'mixed') return 'mixed';
  if (options.task === 'regression' && target.kind !== 'numeric') return 'notQuantitative';
  if (options.task === 'classification' && target.kind === 'numeric' && (target.n_unique ?? Infinity) > options.maxClasses) return 'notQualitative';
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'ml/target-homogeneous',
    title: { fr: 'Variable cible isolée et homogène', en: 'Target separated and homogeneous' },
    criteria: ['cdp-data-ia:C3.1'],
    evidence: ['trace'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        task: TASK_OPTION,
        maxClasses: { type: 'integer', minimum: 2, default: 20, description: 'a numeric classification target may hold at most this many distinct values (encoded labels)' },
      },
    },
    messages: {
      ...NO_TRACE,
      ...STATIC_NEEDS_RUN,
      pass: {
        fr: 'Cible {name} séparée des variables explicatives et homogène, du type attendu ({dtype}, {where}).',
        en: 'Target {name} is separated from the features and homogeneous, of the expected type ({dtype}, {where}).',
      },
      notSeparated: {
        fr: "La cible {name} figure aussi parmi les variables explicatives X ({where}) : le modèle voit la réponse. Retirez-la de X (par exemple X = df.drop(columns=['{name}'])).",
        en: "Target {name} is also among the features X ({where}): the model sees the answer. Remove it from X (e.g. X = df.drop(columns=['{name}'])).",
      },
      mixed: {
        fr: 'La cible {name} mélange nombres et textes ({dtype}, {where}). Attendu : une cible purement quantitative (régression) ou purement qualitative (classification). Nettoyez ou convertissez ses valeurs.',
        en: 'Target {name} mixes numbers and text ({dtype}, {where}). Expected: a purely quantitative (regression) or purely qualitative (classification) target. Clean or convert its values.',
      },
      notQuantitative: {
        fr: 'La cible {name} est qualitative ({dtype}, {where}) alors que le scénario attend une régression sur une cible quantitative.',
        en: 'Target {name} is qualitative ({dtype}, {where}) while the scenario expects regression on a quantitative target.',
      },
      notQualitative: {
        fr: 'La cible {name} est numérique avec {unique} valeurs distinctes ({dtype}, {where}) alors que le scénario attend une classification (au plus {maxClasses} classes).',
        en: 'Target {name} is numeric with {unique} distinct values ({dtype}, {where}) while the scenario expects classification (at most {maxClasses} classes).',
      },
      none: {
        fr: "Aucune variable cible observée : aucun modèle n'a été entraîné avec une cible y. Séparez la cible (y = df['cible']) des variables (X) et appelez model.fit(X, y).",
        en: "No target observed: no model was trained with a target y. Separate the target (y = df['target']) from the features (X) and call model.fit(X, y).",
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const unread = needsRun(ctx, NEEDS.models);
    if (unread) return unread;
    const got = factsOrSkip(ctx, mlFacts);
    if ('skip' in got) return got.skip;
    const targets = got.facts.targets;
    if (targets.length === 0) return { status: 'fail', message: 'none' };
    const evidence: Evidence[] = targets.map((target) =>
      traced(`target ${target.name ?? 'y'}`, target, {
        expected: ctx.options.task === 'regression' ? 'numeric' : 'categorical',
        actual: target.kind,
        data: { dtype: target.dtype ?? null, n_unique: target.n_unique ?? null, rows: target.y?.rows ?? null, target_in_features: target.target_in_features ?? false },
      }),
    );
    const failing = targets.map((target) => ({ target, problem: problemOf(target, ctx.options) })).find((t) => t.problem);
    const shown = failing?.target ?? targets[0]!;
    const params = { name: shown.name ?? 'y', dtype: shown.dtype ?? '?', where: where(shown) };
    if (failing?.problem === 'notSeparated') return { status: 'fail', message: 'notSeparated', params: { name: params.name, where: params.where }, evidence };
    if (failing?.problem === 'notQualitative') return { status: 'fail', message: 'notQualitative', params: { ...params, unique: shown.n_unique ?? '?', maxClasses: ctx.options.maxClasses }, evidence };
    if (failing?.problem) return { status: 'fail', message: failing.problem, params, evidence };
    return { status: 'pass', message: 'pass', params, evidence };
  },
});
