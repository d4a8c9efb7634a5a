import type { AppRoute } from './http-evidence.js';

/** A body field of a route as OpenAPI describes it. */
export interface FieldSchema {
  name: string;
  type?: string;
  required: boolean;
  example?: unknown;
  default?: unknown;
  enum?: unknown[];
}

/** A route that takes a body: the candidates for the prediction route. */
export interface BodyRoute extends AppRoute {
  kind: 'json' | 'form';
  schema: FieldSchema[];
}

type Json = Record<string, unknown>;

/**
 * The routes of a FastAPI app from its `openapi.json`: every operation (for the route list), and those whose
 * request body is an object of named fields (JSON or form-encoded), with their types, examples and defaults.
 */
export function openapiRoutes(doc: unknown): { routes: AppRoute[]; bodies: BodyRoute[] } {
  const routes: AppRoute[] = [];
  const bodies: BodyRoute[] = [];
  const paths = (doc as Json | undefined)?.paths;
  if (!paths || typeof paths !== 'object') return { routes, bodies };
  for (const [path, item] of Object.entries(paths as Json).slice(0, 200)) {
    for (const [method, operation] of Object.entries((item ?? {}) as Json)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = ((operation as Json)?.requestBody as Json | undefined)?.content as Json | undefined;
      const json = content?.['application/json'] as Json | undefined;
      const form = (content?.['application/x-www-form-urlencoded'] ?? content?.['multipart/form-data']) as Json | undefined;
      const media = json ?? form;
      const schema = media ? resolve(doc as Json, media.schema) : undefined;
      const fields = schema ? fieldsOf(doc as Json, schema) : [];
      routes.push({ method: method.toUpperCase(), path, source: 'openapi', ...(fields.length > 0 ? { fields: fields.map((f) => f.name) } : {}) });
      if (fields.length > 0) bodies.push({ method: method.toUpperCase(), path, source: 'openapi', fields: fields.map((f) => f.name), kind: json ? 'json' : 'form', schema: fields });
    }
  }
  return { routes, bodies };
}

function fieldsOf(doc: Json, schema: Json): FieldSchema[] {
  const properties = schema.properties as Json | undefined;
  if (!properties) return [];
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const examples = (schema.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined)) as Json | undefined;
  return Object.entries(properties).slice(0, 100).map(([name, raw]) => {
    const property = resolve(doc, raw) ?? {};
    const variant = Array.isArray(property.anyOf) ? (resolve(doc, (property.anyOf as unknown[]).find((v) => (v as Json)?.type !== 'null')) ?? {}) : property;
    const example = property.example ?? (Array.isArray(property.examples) ? property.examples[0] : undefined) ?? examples?.[name];
    return {
      name,
      ...(typeof variant.type === 'string' ? { type: variant.type } : {}),
      required: required.has(name),
      ...(example !== undefined ? { example } : {}),
      ...(property.default !== undefined ? { default: property.default } : {}),
      ...(Array.isArray(variant.enum) ? { enum: variant.enum as unknown[] } : {}),
    };
  });
}

/** Follows a local `$ref` (`#/components/schemas/Maison`), a few levels at most. */
function resolve(doc: Json, schema: unknown, depth = 0): Json | undefined {
  if (!schema || typeof schema !== 'object' || depth > 5) return undefined;
  const ref = (schema as Json).$ref;
  if (typeof ref !== 'string') {
    const all = (schema as Json).allOf;
    return Array.isArray(all) && all.length === 1 ? resolve(doc, all[0], depth + 1) : (schema as Json);
  }
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) node = (node as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return resolve(doc, node, depth + 1);
}
