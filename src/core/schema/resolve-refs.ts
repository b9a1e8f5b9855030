import type { SchemaNode } from '../types';
import { SchemaError } from './errors';
import { UNSAFE_KEY, escapePointerToken, hasOwn, isPlainObject } from './json';
import { DEPENDENCIES_KEYWORD, SCHEMA_ARRAY_KEYWORDS, SCHEMA_KEYWORDS, isLazyPosition } from './keywords';

export interface ResolveRefsOptions {
  /** Stops documents whose inlined size explodes (shared definitions referenced many times). */
  maxNodes?: number;
  /** Where `schema` sits in `document` as a JSON pointer, so errors point at the right place. Defaults to the root. */
  pointer?: string;
}

export interface ResolvedSchema {
  /** The schema with every `$ref` inlined, except where inlining would never end. */
  schema: SchemaNode;
  /**
   * Definitions kept because they are part of a reference cycle that passes through
   * array items or another position the form only renders on demand. The schema refers
   * to them as `#/definitions/<name>`; place them under the root's `definitions` so a
   * validator and rjsf can follow them.
   */
  definitions: Record<string, SchemaNode>;
}

/** Well above what the complexity budget lets through (see `MAX_SCHEMA_COMPLEXITY`): stops an explosion early. */
const DEFAULT_MAX_NODES = 5_000;
/** Schemas nested deeper than this are not forms anyone fills in; the limit also keeps every walk's recursion shallow. */
export const MAX_SCHEMA_DEPTH = 64;
/**
 * How often one reference may unfold inside itself through eagerly rendered positions
 * (`Order.ship_to → Address.order → Order…`): twice shows the nesting and lets an
 * operator fill a nested order; the next occurrence is left out of the form.
 */
const MAX_EAGER_REPEATS = 2;

/** A position left out because it only repeats a reference cycle that is already unfolded enough. */
const CUT: unique symbol = Symbol('cut');

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value}"` : typeof value;
}

/**
 * Decodes a local JSON pointer (`#/components/schemas/Foo`) into its tokens.
 * Anything that is not a local pointer is rejected: Trackstar documents are self-contained,
 * and fetching other documents is not something a form should do behind the host's back.
 * `at` is where the reference was written, for the error's pointer.
 */
export function parseLocalPointer(ref: string, at?: string): string[] {
  if (!ref.startsWith('#')) {
    throw new SchemaError('external-ref', `Unsupported $ref "${ref}"${where(at)}: only references inside the same document are supported.`, at);
  }
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    throw new SchemaError('invalid-ref', `The $ref "${ref}"${where(at)} is not a valid URI fragment (a "%" that does not start an escape).`, at);
  }
  if (fragment === '') return [];
  if (!fragment.startsWith('/')) {
    throw new SchemaError('external-ref', `Unsupported $ref "${ref}"${where(at)}: expected a JSON pointer such as "#/definitions/Name".`, at);
  }
  return fragment
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function where(at: string | undefined): string {
  return at === undefined ? '' : ` (at ${at || '/'})`;
}

const ARRAY_INDEX = /^(0|[1-9]\d*)$/;

export function lookupPointer(document: unknown, ref: string): unknown {
  let node: unknown = document;
  for (const token of parseLocalPointer(ref)) {
    if (Array.isArray(node) && ARRAY_INDEX.test(token)) {
      node = node[Number(token)];
    } else if (isPlainObject(node) && hasOwn(node, token)) {
      node = node[token];
    } else {
      return undefined;
    }
  }
  return node;
}

function pointerOf(tokens: readonly string[]): string {
  return tokens.map((token) => `/${escapePointerToken(token)}`).join('');
}

/** The JSON pointer a local `$ref` names (`#/components/schemas/A%20B` → `/components/schemas/A B`). */
export function pointerOfRef(ref: string): string {
  return pointerOf(parseLocalPointer(ref));
}

/** A definition name that is safe to use as a `#/definitions/<name>` pointer token. */
function definitionNameFor(tokens: readonly string[], taken: Set<string>): string {
  const last = tokens.at(-1) ?? 'Schema';
  const base = last.replace(/[^A-Za-z0-9_.-]/g, '_') || 'Schema';
  let name = base;
  for (let suffix = 2; taken.has(name); suffix += 1) name = `${base}_${suffix}`;
  return name;
}

/** Where the walk is: the references being expanded (outermost first) and the node's place in the document. */
interface Position {
  stack: readonly string[];
  /** References at this index of `stack` or later were entered since the last lazily rendered position. */
  lazyFrom: number;
  pointer: string;
  depth: number;
}

/** Keywords that say nothing about a value: a node left with only these meant the reference that was cut. */
const CUT_REMAINDER_KEYWORDS = new Set(['title', 'description', '$comment', 'examples', 'example', 'default', 'deprecated', 'nullable', 'type']);

function isCutRemainder(node: SchemaNode): boolean {
  return Object.keys(node).every(
    (keyword) => CUT_REMAINDER_KEYWORDS.has(keyword) || keyword.startsWith('x-') || (keyword === 'allOf' && Array.isArray(node.allOf) && node.allOf.length === 0),
  );
}

/**
 * Inlines every local `$ref` of `schema`, resolving pointers against `document`.
 *
 * - Keys are read by keyword: schemas are looked for only where a keyword holds
 *   schemas (`properties` values, `allOf` items, `items`…); data keywords (`default`,
 *   `enum`, `const`, `examples`…) and unknown keywords are copied untouched, and a
 *   property merely *named* `default` is a schema like any other.
 * - `$ref` with sibling keywords (`{"type": "object", "$ref": ...}`, or a 3.1-style
 *   `description` beside it) keeps the siblings: they override the target's annotations.
 * - A reference cycle through array items (or another position rendered only on demand)
 *   is left as a `$ref` into `definitions`, returned alongside. A cycle through eagerly
 *   rendered positions only (`Order.ship_to → Address.order → Order`) would render
 *   for ever: it is unfolded twice and the next repetition is left out.
 * - A `$ref` that is not a string, not a local pointer, not decodable, or points at
 *   nothing (or at something that is not a schema) is a `SchemaError` whose `pointer`
 *   names the `$ref`. Schema positions holding something else than a schema are copied
 *   as they are, for the normalizer to ignore.
 * - `__proto__` keys are dropped (see `UNSAFE_KEY`).
 */
export function resolveRefs(schema: unknown, document: unknown, options: ResolveRefsOptions = {}): ResolvedSchema {
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  let visited = 0;
  const definitions: Record<string, SchemaNode> = {};
  const cycleNames = new Map<string, string>();
  const takenNames = new Set<string>();

  function nameForCycle(ref: string, tokens: readonly string[]): string {
    let name = cycleNames.get(ref);
    if (name === undefined) {
      name = definitionNameFor(tokens, takenNames);
      takenNames.add(name);
      cycleNames.set(ref, name);
    }
    return name;
  }

  function target(ref: string, at: string): unknown {
    const found = lookupPointer(document, ref);
    if (found === undefined) {
      throw new SchemaError('missing-ref', `The schema refers to "${ref}" (at ${at}), which the document does not define.`, at);
    }
    if (typeof found !== 'boolean' && !isPlainObject(found)) {
      throw new SchemaError('invalid-schema', `"${ref}" (referenced at ${at}) is not a schema but ${describeValue(found)}.`, at);
    }
    return found;
  }

  function walk(node: unknown, position: Position): unknown {
    visited += 1;
    if (visited > maxNodes) {
      throw new SchemaError('too-large', `The schema is too large to become a form: it expands to more than ${maxNodes} nodes once its references are inlined.`, position.pointer);
    }
    if (position.depth > MAX_SCHEMA_DEPTH) {
      throw new SchemaError('too-large', `The schema nests more than ${MAX_SCHEMA_DEPTH} levels deep (at ${position.pointer || '/'}).`, position.pointer);
    }
    if (!isPlainObject(node)) return node;
    if (!hasOwn(node, '$ref')) return walkObject(node, position);

    const ref = node.$ref;
    const at = `${position.pointer}/$ref`;
    if (typeof ref !== 'string') {
      throw new SchemaError('invalid-ref', `"$ref" must be a string (a pointer such as "#/definitions/Name"), but at ${at} it is ${describeValue(ref)}.`, at);
    }
    const tokens = parseLocalPointer(ref, at);
    const { $ref: _ref, ...rest } = node;
    const siblings = walkObject(rest, position);
    if (siblings === CUT) return CUT;

    const { stack, lazyFrom } = position;
    const last = stack.lastIndexOf(ref);
    if (last >= 0 && last < lazyFrom) {
      return { ...(siblings as SchemaNode), $ref: `#/definitions/${nameForCycle(ref, tokens)}` };
    }
    if (last >= 0 && stack.slice(lazyFrom).filter((entry) => entry === ref).length >= MAX_EAGER_REPEATS) {
      // The repetition is left out; keywords written beside the reference still apply.
      return isCutRemainder(siblings as SchemaNode) ? CUT : siblings;
    }

    const resolved = walk(target(ref, at), { stack: [...stack, ref], lazyFrom, pointer: pointerOf(tokens), depth: position.depth + 1 });
    if (resolved === CUT) return CUT;
    if (resolved === false) return false;
    if (!isPlainObject(resolved)) return Object.keys(siblings as SchemaNode).length > 0 ? siblings : resolved;
    return { ...resolved, ...(siblings as SchemaNode) };
  }

  function child(node: unknown, position: Position, keyword: string, pathTokens: readonly string[]): unknown {
    return walk(node, {
      stack: position.stack,
      lazyFrom: isLazyPosition(keyword) ? position.stack.length : position.lazyFrom,
      pointer: position.pointer + pointerOf(pathTokens),
      depth: position.depth + 1,
    });
  }

  function walkMap(map: SchemaNode, position: Position, keyword: string, keepData: boolean): SchemaNode {
    const out: SchemaNode = {};
    for (const name of Object.keys(map)) {
      if (name === UNSAFE_KEY) continue;
      const value = map[name];
      // `dependencies` values may be lists of names: data, not schemas.
      if (keepData && Array.isArray(value)) {
        out[name] = value;
        continue;
      }
      const walked = child(value, position, keyword, [keyword, name]);
      if (walked !== CUT) out[name] = walked;
    }
    return out;
  }

  function walkObject(node: SchemaNode, position: Position): SchemaNode | typeof CUT {
    const out: SchemaNode = {};
    let alternativesCut = false;
    let allOfCut = false;
    for (const keyword of Object.keys(node)) {
      if (keyword === UNSAFE_KEY) continue;
      const value = node[keyword];
      if ((keyword === 'properties' || keyword === 'patternProperties') && isPlainObject(value)) {
        out[keyword] = walkMap(value, position, keyword, false);
      } else if (keyword === DEPENDENCIES_KEYWORD && isPlainObject(value)) {
        out[keyword] = walkMap(value, position, keyword, true);
      } else if ((SCHEMA_ARRAY_KEYWORDS as readonly string[]).includes(keyword) && Array.isArray(value)) {
        const items = value.map((item, index) => child(item, position, keyword, [keyword, String(index)]));
        const kept = items.filter((item) => item !== CUT);
        if (value.length > 0 && kept.length === 0) {
          if (keyword === 'allOf') allOfCut = true;
          else alternativesCut = true;
        }
        out[keyword] = kept;
      } else if (keyword === 'items' && Array.isArray(value)) {
        // A tuple keeps its positions: a cut position accepts anything.
        out[keyword] = value.map((item, index) => {
          const walked = child(item, position, keyword, [keyword, String(index)]);
          return walked === CUT ? {} : walked;
        });
      } else if ((SCHEMA_KEYWORDS as readonly string[]).includes(keyword)) {
        const walked = child(value, position, keyword, [keyword]);
        if (walked !== CUT) out[keyword] = walked;
      } else {
        // Data keywords (`default`, `enum`, `const`, `examples`…), annotations, and keywords
        // with no meaning here (including nested `definitions`): copied, never searched for `$ref`.
        out[keyword] = value;
      }
    }
    if (alternativesCut) return CUT;
    if (allOfCut && isCutRemainder(out)) return CUT;
    return out;
  }

  const rootPointer = options.pointer ?? '';
  const root = walk(schema, { stack: [], lazyFrom: 0, pointer: rootPointer, depth: 0 });
  if (root === CUT) {
    throw new SchemaError('invalid-schema', `The schema at ${rootPointer || '/'} is nothing but a reference to itself.`, rootPointer);
  }
  if (!isPlainObject(root)) {
    throw new SchemaError('not-an-object', 'The schema root must be an object schema.', rootPointer);
  }

  // Cycle definitions are resolved after the main walk; resolving one may discover another.
  const done = new Set<string>();
  for (let pending = [...cycleNames.keys()]; pending.length > 0; pending = [...cycleNames.keys()].filter((ref) => !done.has(ref))) {
    for (const ref of pending) {
      done.add(ref);
      const pointer = pointerOfRef(ref);
      const walked = walk(target(ref, pointer), { stack: [ref], lazyFrom: 0, pointer, depth: 1 });
      // A definition that is nothing but a reference to itself (or a boolean schema) is kept as "anything".
      definitions[cycleNames.get(ref)!] = isPlainObject(walked) ? walked : {};
    }
  }

  return { schema: root, definitions };
}
