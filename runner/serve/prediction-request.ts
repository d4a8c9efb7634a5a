import type { FieldSchema } from './app-routes.js';
import type { BuiltInput, HtmlForm } from './http-evidence.js';
import { type FeatureRange, foldName, type TrainingFeatures } from './training-features.js';

/** A route that may be the prediction route: where it posts, how, and its fields. */
export interface RouteCandidate {
  method: string;
  path: string;
  kind: 'json' | 'form';
  fields: FieldSchema[];
  source: 'openapi' | 'form' | 'flask-url-map';
}

/** Which input of the valid family: the middle of each range, then other points to see the answer change. */
export type Variant = 'mid' | 'low' | 'high' | 'quarter';

const PREDICT_PATH = /predi|estim|score|infer|classif|regress/i;

/** A form's fields as schema fields (numbers for `type=number`, the options of a select). */
export function formCandidate(form: HtmlForm, action: string): RouteCandidate {
  const fields = form.fields.map((field) => ({
    name: field.name,
    type: field.type === 'number' || field.type === 'range' ? 'number' : field.type === 'checkbox' ? 'boolean' : 'string',
    required: field.required,
    ...(field.options?.length ? { enum: field.options } : {}),
    ...(field.value ? { default: field.value } : {}),
  }));
  return { method: form.method, path: action, kind: 'form', fields, source: 'form' };
}

/**
 * The prediction route: the candidate whose fields match most of the traced fit's features (folded names),
 * then a path that says so (`/predict`). Without a traced fit, a route whose path says so.
 */
export function choosePredictionRoute(candidates: RouteCandidate[], features: TrainingFeatures): { route: RouteCandidate; matched: string[]; unmatched: string[] } | undefined {
  const folded = new Map(features.names.map((name) => [foldName(name), name]));
  let best: { route: RouteCandidate; matched: string[]; unmatched: string[]; score: number } | undefined;
  for (const route of candidates) {
    const matched = route.fields.filter((field) => folded.has(foldName(field.name))).map((field) => field.name);
    const named = PREDICT_PATH.test(route.path) ? 0.5 : 0;
    const score = matched.length + named + (route.method === 'POST' ? 0.25 : 0);
    if (matched.length === 0 && named === 0) continue;
    if (!best || score > best.score) {
      const used = new Set(matched.map(foldName));
      best = { route, matched, unmatched: features.names.filter((name) => !used.has(foldName(name))), score };
    }
  }
  return best && { route: best.route, matched: best.matched, unmatched: best.unmatched };
}

/** One valid input: each field from the training data's range, else OpenAPI's example or default, else its type. */
export function buildInput(route: RouteCandidate, features: TrainingFeatures, variant: Variant): BuiltInput {
  const ranges = new Map(Object.entries(features.ranges).map(([name, range]) => [foldName(name), range]));
  const values: BuiltInput['values'] = {};
  const sources: BuiltInput['sources'] = {};
  for (const field of route.fields) {
    const range = ranges.get(foldName(field.name));
    const fromRange = range ? rangeValue(range, variant) : undefined;
    if (fromRange !== undefined && (!field.enum || field.enum.map(String).includes(String(fromRange)))) {
      values[field.name] = field.type === 'string' && typeof fromRange === 'number' ? String(fromRange) : fromRange;
      sources[field.name] = 'trace:fit';
    } else if (field.enum?.length) {
      values[field.name] = scalar(field.enum[pick(variant, field.enum.length)]);
      sources[field.name] = route.source === 'form' ? 'form:option' : 'openapi:enum';
    } else if (field.example !== undefined && variant === 'mid') {
      values[field.name] = scalar(field.example);
      sources[field.name] = 'openapi:example';
    } else if (field.default !== undefined && variant === 'mid') {
      values[field.name] = scalar(field.default);
      sources[field.name] = route.source === 'form' ? 'form:value' : 'openapi:default';
    } else {
      values[field.name] = guess(field.type, variant);
      sources[field.name] = 'guess';
    }
  }
  return { values, sources };
}

/** The invalid inputs: one field left out, one number sent as text. */
export function invalidInputs(route: RouteCandidate, valid: BuiltInput, features: TrainingFeatures): Array<{ purpose: 'missing-field' | 'wrong-type'; field: string; values: Record<string, unknown> }> {
  const out: Array<{ purpose: 'missing-field' | 'wrong-type'; field: string; values: Record<string, unknown> }> = [];
  const required = route.fields.find((field) => field.required) ?? route.fields[0];
  if (required) {
    const { [required.name]: _left, ...rest } = valid.values;
    out.push({ purpose: 'missing-field', field: required.name, values: rest });
  }
  const numeric = route.fields.find((field) => field.type === 'number' || field.type === 'integer' || typeof valid.values[field.name] === 'number');
  if (numeric) out.push({ purpose: 'wrong-type', field: numeric.name, values: { ...valid.values, [numeric.name]: 'pas-un-nombre' } });
  void features;
  return out;
}

function rangeValue(range: FeatureRange, variant: Variant): number | string | undefined {
  if ('values' in range) return range.values.length > 0 ? range.values[pick(variant, range.values.length)] : undefined;
  const at = { mid: 0.5, low: 0, high: 1, quarter: 0.25 }[variant];
  const value = range.min + (range.max - range.min) * at;
  return range.integer ? Math.round(value) : Math.round(value * 1000) / 1000;
}

function pick(variant: Variant, n: number): number {
  return { mid: 0, low: n - 1, high: Math.min(1, n - 1), quarter: Math.min(2, n - 1) }[variant];
}

function guess(type: string | undefined, variant: Variant): string | number | boolean {
  const n = { mid: 2, low: 1, high: 9, quarter: 4 }[variant];
  if (type === 'integer') return n;
  if (type === 'number') return n + 0.5;
  if (type === 'boolean') return variant !== 'low';
  return `test${n}`;
}

function scalar(value: unknown): string | number | boolean {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : JSON.stringify(value);
}
