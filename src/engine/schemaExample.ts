/**
 * A minimal JSON value satisfying a (simple) JSON schema.
 *
 * Owns: the scripted engine's default reply to constrained-output requests, so an LLM-judge
 * flow can run in tests without a hand-written script. Invariants: handles object, array,
 * string, number, integer, boolean, null, enum and const; anything else yields null; never throws.
 */

/** Builds the smallest value of `schemaText`'s type: first enum value, '', 0, false, [], or an
 * object with every `required` property (all properties when `required` is absent). */
export function exampleFromSchema(schemaText: string): unknown {
  try {
    return exampleOf(JSON.parse(schemaText) as unknown, 0);
  } catch {
    return null;
  }
}

const MAX_DEPTH = 8;

function exampleOf(schema: unknown, depth: number): unknown {
  if (typeof schema !== 'object' || schema === null || depth > MAX_DEPTH) return null;
  const node = schema as Record<string, unknown>;
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case 'object':
      return exampleObject(node, depth);
    case 'array':
      return [];
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return typeof node.minimum === 'number' ? node.minimum : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

function exampleObject(node: Record<string, unknown>, depth: number): Record<string, unknown> {
  const properties = (node.properties ?? {}) as Record<string, unknown>;
  const required = Array.isArray(node.required)
    ? (node.required as unknown[])
    : Object.keys(properties);
  const result: Record<string, unknown> = {};
  for (const key of required) {
    if (typeof key === 'string') result[key] = exampleOf(properties[key], depth + 1);
  }
  return result;
}
