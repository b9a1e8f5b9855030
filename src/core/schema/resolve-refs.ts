import type { SchemaNode } from '../types';
import { SchemaError } from './errors';
import { isPlainObject } from './json';

export interface ResolveRefsOptions {
  /** Stops documents whose inlined size explodes (shared definitions referenced many times). */
  maxNodes?: number;
}

export interface ResolvedSchema {
  /** The schema with every `$ref` inlined, except where inlining would never end. */
  schema: SchemaNode;
  /**
   * Definitions kept because they are part of a reference cycle. The schema
   * refers to them as `#/definitions/<name>`; place them under the root's
   * `definitions` so a validator and rjsf can follow them.
   */
  definitions: Record<string, SchemaNode>;
}

const DEFAULT_MAX_NODES = 200_000;

/**
 * Decodes a local JSON pointer (`#/components/schemas/Foo`) into its tokens.
 * Anything that is not a local pointer is rejected: Trackstar documents are self-contained,
 * and fetching other documents is not something a form should do behind the host's back.
 */
export function parseLocalPointer(ref: string): string[] {
  if (!ref.startsWith('#')) {
    throw new SchemaError('external-ref', `Unsupported $ref "${ref}": only references inside the same document are supported.`, ref);
  }
  const fragment = decodeURIComponent(ref.slice(1));
  if (fragment === '') return [];
  if (!fragment.startsWith('/')) {
    throw new SchemaError('external-ref', `Unsupported $ref "${ref}": expected a JSON pointer such as "#/definitions/Name".`, ref);
  }
  return fragment
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function lookupPointer(document: unknown, ref: string): unknown {
  let node: unknown = document;
  for (const token of parseLocalPointer(ref)) {
    if (Array.isArray(node)) {
      node = node[Number(token)];
    } else if (isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, token)) {
      node = node[token];
    } else {
      return undefined;
    }
  }
  return node;
}

/** A definition name that is safe to use as a `#/definitions/<name>` pointer token. */
function definitionNameFor(ref: string, taken: Set<string>): string {
  const last = parseLocalPointer(ref).at(-1) ?? 'Schema';
  const base = last.replace(/[^A-Za-z0-9_.-]/g, '_') || 'Schema';
  let name = base;
  for (let suffix = 2; taken.has(name); suffix += 1) name = `${base}_${suffix}`;
  return name;
}

/**
 * Inlines every local `$ref` of `schema`, resolving pointers against `document`.
 *
 * - `$ref` with sibling keywords (`{"type": "object", "$ref": ...}`, or a 3.1-style
 *   `description` beside it) keeps the siblings: they override the target's annotations.
 * - A reference that points back into one of its own ancestors is a cycle. It is left as a
 *   `$ref` into `definitions`, which is returned alongside, so rendering expands it lazily.
 * - A reference to something the document does not define is a `SchemaError`, not a silent hole.
 */
export function resolveRefs(schema: unknown, document: unknown, options: ResolveRefsOptions = {}): ResolvedSchema {
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  let visited = 0;
  const definitions: Record<string, SchemaNode> = {};
  const cycleNames = new Map<string, string>();
  const takenNames = new Set<string>();

  function nameForCycle(ref: string): string {
    let name = cycleNames.get(ref);
    if (name === undefined) {
      name = definitionNameFor(ref, takenNames);
      takenNames.add(name);
      cycleNames.set(ref, name);
    }
    return name;
  }

  function target(ref: string, at: string): unknown {
    const found = lookupPointer(document, ref);
    if (found === undefined) {
      throw new SchemaError('missing-ref', `The schema refers to "${ref}" (at ${at || '/'}), which the document does not define.`, ref);
    }
    if (typeof found !== 'boolean' && !isPlainObject(found)) {
      throw new SchemaError('invalid-schema', `"${ref}" (referenced at ${at || '/'}) is not a schema.`, ref);
    }
    return found;
  }

  function walk(node: unknown, stack: readonly string[], at: string): unknown {
    visited += 1;
    if (visited > maxNodes) {
      throw new SchemaError('too-large', `The schema expands to more than ${maxNodes} nodes once its references are inlined.`);
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, stack, `${at}/${index}`));
    if (!isPlainObject(node)) return node;

    const ref = node.$ref;
    if (typeof ref === 'string') {
      const { $ref: _ref, ...siblings } = node;
      const walkedSiblings = walk(siblings, stack, at) as SchemaNode;
      if (stack.includes(ref)) {
        const name = nameForCycle(ref);
        return { ...walkedSiblings, $ref: `#/definitions/${name}` };
      }
      const resolved = walk(target(ref, at), [...stack, ref], at);
      if (typeof resolved === 'boolean') return Object.keys(walkedSiblings).length > 0 ? walkedSiblings : resolved;
      return { ...(resolved as SchemaNode), ...walkedSiblings };
    }

    const out: SchemaNode = {};
    for (const [key, value] of Object.entries(node)) {
      // `example`/`examples`/`default`/`const`/`enum` hold data, not schemas: a `$ref` key inside them is just data.
      out[key] = isDataKeyword(key) ? value : walk(value, stack, `${at}/${escapeToken(key)}`);
    }
    return out;
  }

  const root = walk(schema, [], '');
  if (!isPlainObject(root)) {
    throw new SchemaError('not-an-object', 'The schema root must be an object schema.');
  }

  // Cycle definitions are resolved after the main walk; resolving one may discover another.
  const done = new Set<string>();
  for (let pending = [...cycleNames.keys()]; pending.length > 0; pending = [...cycleNames.keys()].filter((ref) => !done.has(ref))) {
    for (const ref of pending) {
      done.add(ref);
      definitions[cycleNames.get(ref)!] = walk(target(ref, ref), [ref], ref) as SchemaNode;
    }
  }

  return { schema: root, definitions };
}

const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'const', 'enum', 'enumNames']);
function isDataKeyword(key: string): boolean {
  return DATA_KEYWORDS.has(key);
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
