import type { SchemaNode } from '../types';

export function isPlainObject(value: unknown): value is SchemaNode {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function asSchemaMap(value: unknown): Record<string, SchemaNode> | undefined {
  if (!isPlainObject(value)) return undefined;
  const out: Record<string, SchemaNode> = {};
  for (const [key, child] of Object.entries(value)) {
    if (isPlainObject(child)) out[key] = child;
  }
  return out;
}

export function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
