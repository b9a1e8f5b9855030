import type { SchemaNode } from '../types';
import { SchemaError } from './errors';
import { isPlainObject } from './json';
import { forEachSubschema } from './keywords';

/**
 * What compiling a schema costs ajv, in units of one ordinary subschema. ajv's compile
 * time grows with the number of subschemas, with the square of each `enum`'s length
 * (the meta-schema's `uniqueItems` compares every pair of options), and with the square
 * of each `dependencies` list (every missing-property error it generates names the
 * whole list).
 */
export function schemaComplexity(schema: unknown): number {
  let cost = 0;
  const visit = (node: unknown): void => {
    if (!isPlainObject(node)) return;
    cost += 1;
    if (Array.isArray(node.enum)) cost += node.enum.length / ENUM_OPTIONS_PER_UNIT + node.enum.length ** 2 / ENUM_PAIRS_PER_UNIT;
    if (isPlainObject(node.dependencies)) {
      for (const names of Object.values(node.dependencies)) {
        if (Array.isArray(names)) cost += names.length / DEPENDENCY_NAMES_PER_UNIT + names.length ** 2 / DEPENDENCY_PAIRS_PER_UNIT;
      }
    }
    forEachSubschema(node, visit);
  };
  visit(schema);
  return Math.ceil(cost);
}

const ENUM_OPTIONS_PER_UNIT = 50;
const ENUM_PAIRS_PER_UNIT = 100_000;
const DEPENDENCY_NAMES_PER_UNIT = 5;
const DEPENDENCY_PAIRS_PER_UNIT = 5_000;

/**
 * The most a form's schema may cost (see `schemaComplexity`). A unit compiles in about
 * a millisecond (strict ajv on a small CI machine); Trackstar's largest write schema
 * costs under 100, and a field with 5,000 options about 350.
 */
export const MAX_SCHEMA_COMPLEXITY = 400;

export function assertWithinBudget(schema: SchemaNode): void {
  const cost = schemaComplexity(schema);
  if (cost > MAX_SCHEMA_COMPLEXITY) {
    throw new SchemaError(
      'too-large',
      `The schema is too large to become a form: it costs ${cost} units to compile, and the limit is ${MAX_SCHEMA_COMPLEXITY} (about that many fields and nested objects, or fewer with very long option lists).`,
    );
  }
}
