/**
 * Response schemas as JSON Schema, converted once from the zod schemas at startup. Fastify's
 * default serializer compiles them with fast-json-stringify; @fastify/swagger shows them in the
 * OpenAPI document. Why not zod's serializer: docs/decisions/101-response-serialization.md.
 */
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * Response schemas with a name: each becomes a shared schema (`app.addSchema`), an OpenAPI
 * component of that name, and a `$ref` wherever it is used.
 */
export const responseRegistry = z.registry<{ id: string }>();

const cache = new WeakMap<z.ZodType, JsonSchema>();
const OPTIONS = {
  io: 'output', target: 'draft-2020-12', unrepresentable: 'any', reused: 'inline', cycles: 'ref',
  metadata: responseRegistry, uri: (id: string) => `${id}#`,
} as const;

/**
 * A named schema's `$ref`, or the JSON Schema of an unnamed zod schema's output, with
 * `X | null` unions collapsed to `type: [X, 'null']`.
 */
export function responseSchema(schema: z.ZodType): JsonSchema {
  const id = responseRegistry.get(schema)?.id;
  if (id) return { $ref: `${id}#` };
  let json = cache.get(schema);
  if (!json) {
    json = collapseNullable(z.toJSONSchema(schema, OPTIONS)) as JsonSchema;
    delete json.$schema;
    delete json.$id;
    cache.set(schema, json);
  }
  return json;
}

/** Every named response schema as a shared JSON Schema (`$id` = its name), for `app.addSchema`. */
export function sharedResponseSchemas(): JsonSchema[] {
  const { schemas } = z.toJSONSchema(responseRegistry, OPTIONS);
  return Object.entries(schemas).map(([id, schema]) => {
    const json = collapseNullable(schema) as JsonSchema;
    delete json.$schema;
    return { ...json, $id: id };
  });
}

/** A response entry for one content type, e.g. problem details as application/problem+json. */
export function contentResponse(contentType: string, schema: JsonSchema, description: string): JsonSchema {
  return { description, content: { [contentType]: { schema } } };
}

/**
 * `anyOf: [{type: X, …}, {type: 'null'}]` → `{type: [X, 'null'], …}`: the same set of values, but
 * fast-json-stringify can serialize it without running a validator per value to pick a branch.
 */
function collapseNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(collapseNullable);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // `properties` maps names to schemas; every other object-valued keyword holds schemas or data.
    out[key] = key === 'properties' && value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, collapseNullable(v)]))
      : collapseNullable(value);
  }
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullIndex = anyOf.findIndex((b) => isNullOnly(b));
    const other = anyOf[1 - nullIndex] as Record<string, unknown> | undefined;
    if (nullIndex !== -1 && other && typeof other.type === 'string' && !('anyOf' in other)) {
      const merged: Record<string, unknown> = { ...other, type: [other.type, 'null'] };
      if (Array.isArray(other.enum)) merged.enum = [...other.enum, null];
      if ('const' in other) {
        merged.enum = [other.const, null];
        delete merged.const;
      }
      delete out.anyOf;
      return { ...out, ...merged };
    }
  }
  return out;
}

function isNullOnly(b: unknown): boolean {
  return !!b && typeof b === 'object' && Object.keys(b).length === 1 && (b as { type?: unknown }).type === 'null';
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad JSON, or the body does not match the schema; `errors` names the fields.',
  404: 'Not found.',
  413: 'The body, the message, a policy or the number of policies exceeds a limit.',
  415: 'Unsupported Content-Type.',
  429: 'Too many requests from this client; see Retry-After.',
  500: 'Unexpected error; quote the requestId when reporting it.',
  503: 'Overloaded or shutting down; see Retry-After.',
};

/** Problem-details responses for the given status codes, for the route schema (and the docs). */
export function problemResponses(problemSchema: JsonSchema, codes: number[]): Record<number, JsonSchema> {
  return Object.fromEntries(
    codes.map((code) => [code, contentResponse('application/problem+json', problemSchema, PROBLEM_DESCRIPTIONS[code] ?? 'Error.')]),
  );
}

/**
 * For routes whose answers are big and mostly long strings (explain, batch): `JSON.stringify`
 * writes them ~35% faster than fast-json-stringify (docs/decisions/103). Their handlers send the
 * answer already stringified and encoded (`utf8Body(JSON.stringify(…))`, utf8-body.ts);
 * this serializer keeps fastify from compiling fast-json-stringify for their schemas and writes
 * any object they might send the same way. The response schema still documents the answer;
 * test/http/corpus.test.ts proves real answers carry no field it lacks.
 */
export const plainJsonSerializer = () => (data: unknown): string => JSON.stringify(data);
