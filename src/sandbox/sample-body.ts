/**
 * A minimal valid write body for a form schema: only required fields, each with the
 * plainest value its constraints allow. Tests use it to prove every integration and
 * action accepts a body, and a demo uses it to prefill a form.
 */

import { isPlaceholderValue } from '../core/schema/placeholders';
import { isPlainObject, stringArray } from '../core/schema/json';
import { lookupPointer } from '../core/schema/resolve-refs';
import type { SchemaNode } from '../core/types';

const SAMPLE_TEXT = 'SAMPLE-1';
const SAMPLE_DATE = '2025-01-15';
const SAMPLE_DATE_TIME = '2025-01-15T12:00:00Z';
/** Deeper than any real write body; stops a self-referencing schema from recursing forever. */
const MAX_DEPTH = 24;

const FORMAT_SAMPLES: Record<string, string> = {
  date: SAMPLE_DATE,
  'date-time': SAMPLE_DATE_TIME,
  'iso-date-time': SAMPLE_DATE_TIME,
  time: '12:00:00Z',
  email: 'sample@example.com',
  uri: 'https://example.com/sample',
  url: 'https://example.com/sample',
  'uri-reference': 'https://example.com/sample',
  hostname: 'example.com',
  uuid: '00000000-0000-4000-8000-000000000001',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
};

export function sampleBody(formSchema: object): Record<string, unknown> {
  const root = formSchema as SchemaNode;
  const value = sampleValue(root, root, 0);
  return isPlainObject(value) ? value : {};
}

function dereference(node: SchemaNode, root: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string' && hops < MAX_DEPTH; hops += 1) {
    const { $ref, ...siblings } = current;
    const target = lookupPointer(root, $ref as string);
    current = isPlainObject(target) ? { ...target, ...siblings } : siblings;
  }
  return current;
}

function primaryType(node: SchemaNode): string {
  const types = (Array.isArray(node.type) ? node.type : [node.type]).filter((type): type is string => typeof type === 'string' && type !== 'null');
  if (types[0] !== undefined) return types[0];
  if (isPlainObject(node.properties) || Array.isArray(node.required)) return 'object';
  if (node.items !== undefined) return 'array';
  return 'string';
}

function mergeSamples(a: unknown, b: unknown): unknown {
  if (isPlainObject(a) && isPlainObject(b)) return { ...a, ...b };
  return b === undefined ? a : b;
}

function sampleValue(schema: unknown, root: SchemaNode, depth: number): unknown {
  if (!isPlainObject(schema) || depth > MAX_DEPTH) return undefined;
  const node = dereference(schema, root);
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum)) {
    const options = node.enum.filter((option) => option !== null);
    return options.find((option) => !isPlaceholderValue(option)) ?? options[0];
  }

  const { oneOf, anyOf, allOf, ...own } = node;
  const alternatives = [oneOf, anyOf].find((branches): branches is unknown[] => Array.isArray(branches) && branches.length > 0);
  if (alternatives || Array.isArray(allOf)) {
    const hasOwnShape = isPlainObject(own.properties) || own.type !== undefined;
    let sample = hasOwnShape ? sampleValue(own, root, depth + 1) : undefined;
    for (const branch of Array.isArray(allOf) ? allOf : []) sample = mergeSamples(sample, sampleValue(branch, root, depth + 1));
    if (alternatives) {
      // Prefer a branch whose value is a real option, not an account placeholder.
      const samples = alternatives.map((branch) => sampleValue(branch, root, depth + 1));
      const chosen = samples.find((candidate) => candidate !== undefined && !isPlaceholderValue(candidate)) ?? samples[0];
      sample = mergeSamples(sample, chosen);
    }
    return sample;
  }

  switch (primaryType(node)) {
    case 'object':
      return sampleObject(node, root, depth);
    case 'array': {
      const count = Math.max(1, typeof node.minItems === 'number' ? node.minItems : 1);
      const item = sampleValue(isPlainObject(node.items) ? node.items : { type: 'string' }, root, depth + 1);
      return Array.from({ length: count }, () => item);
    }
    case 'integer':
      return sampleNumber(node, true);
    case 'number':
      return sampleNumber(node, false);
    case 'boolean':
      return true;
    default:
      return sampleString(node);
  }
}

function sampleObject(node: SchemaNode, root: SchemaNode, depth: number): Record<string, unknown> {
  const properties = isPlainObject(node.properties) ? node.properties : {};
  const out: Record<string, unknown> = {};
  for (const name of stringArray(node.required)) {
    const value = name in properties ? sampleValue(properties[name], root, depth + 1) : SAMPLE_TEXT;
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function sampleNumber(node: SchemaNode, integer: boolean): number {
  const step = typeof node.multipleOf === 'number' && node.multipleOf > 0 ? node.multipleOf : undefined;
  let value = 1;
  if (typeof node.minimum === 'number') value = node.minimum;
  else if (typeof node.exclusiveMinimum === 'number') value = integer ? Math.floor(node.exclusiveMinimum) + 1 : node.exclusiveMinimum + 1;
  if (typeof node.maximum === 'number' && value > node.maximum) value = node.maximum;
  if (integer) value = Math.ceil(value);
  if (step !== undefined) value = Math.ceil(value / step) * step;
  return value;
}

function satisfies(text: string, node: SchemaNode): boolean {
  const length = [...text].length;
  if (typeof node.minLength === 'number' && length < node.minLength) return false;
  if (typeof node.maxLength === 'number' && length > node.maxLength) return false;
  if (typeof node.pattern === 'string') {
    try {
      if (!new RegExp(node.pattern, 'u').test(text)) return false;
    } catch {
      return true;
    }
  }
  return true;
}

function sampleString(node: SchemaNode): string {
  const formatted = typeof node.format === 'string' ? FORMAT_SAMPLES[node.format] : undefined;
  const minLength = typeof node.minLength === 'number' ? node.minLength : 0;
  const maxLength = typeof node.maxLength === 'number' ? node.maxLength : Infinity;
  const candidates = [
    formatted,
    SAMPLE_TEXT,
    typeof node.pattern === 'string' ? stringMatching(node.pattern, minLength) : undefined,
    SAMPLE_TEXT.padEnd(minLength, '0').slice(0, maxLength),
    'sample',
    '1',
  ].filter((candidate): candidate is string => candidate !== undefined);
  return candidates.find((candidate) => satisfies(candidate, node)) ?? candidates[0]!;
}

/**
 * Builds a string that a simple regular expression accepts: literals, classes, `\d \w \s`,
 * groups with alternation (first branch) and quantifiers. Enough for the patterns write
 * schemas use (phone numbers, country codes, emails); the result is checked by the caller.
 */
export function stringMatching(pattern: string, minLength = 0): string {
  let position = 0;

  function atom(): string {
    const char = pattern[position++]!;
    if (char === '\\') return escape(pattern[position++] ?? '');
    if (char === '[') return characterClass();
    if (char === '(') {
      if (pattern[position] === '?') {
        // `(?:`, `(?=`, `(?!` and `(?<name>`: only the group's content produces text.
        const named = /^\?<([A-Za-z_]\w*)>/.exec(pattern.slice(position));
        position += named ? named[0].length : pattern[position + 1] === '<' ? 3 : 2;
      }
      const inner = alternatives(')');
      position += 1;
      return inner;
    }
    if (char === '.') return 'a';
    return char;
  }

  function escape(char: string): string {
    const classes: Record<string, string> = { d: '1', D: 'a', w: 'a', W: '-', s: ' ', S: 'a', b: '', B: '' };
    return classes[char] ?? char;
  }

  function characterClass(): string {
    const negated = pattern[position] === '^';
    if (negated) position += 1;
    const members: Array<[string, string]> = [];
    while (position < pattern.length && pattern[position] !== ']') {
      let start = pattern[position++]!;
      if (start === '\\') start = escape(pattern[position++] ?? '') || 'a';
      if (pattern[position] === '-' && pattern[position + 1] !== ']' && position + 1 < pattern.length) {
        position += 1;
        let end = pattern[position++]!;
        if (end === '\\') end = escape(pattern[position++] ?? '');
        members.push([start, end]);
      } else members.push([start, start]);
    }
    position += 1;
    if (!negated) return members[0]?.[0] ?? 'a';
    const inClass = (char: string) => members.some(([from, to]) => char >= from && char <= to);
    return ['a', 'A', '1', '-', '_', 'z'].find((char) => !inClass(char)) ?? '~';
  }

  function quantified(text: string): string {
    const quantifier = /^(\{(\d+)(,(\d*))?\}|[?*+])\??/.exec(pattern.slice(position));
    if (!quantifier) return text;
    position += quantifier[0].length;
    if (quantifier[1] === '?' || quantifier[1] === '*') return '';
    if (quantifier[1] === '+') return text;
    return text.repeat(Number(quantifier[2]));
  }

  function sequence(terminator: string | undefined): string {
    let out = '';
    while (position < pattern.length && pattern[position] !== '|' && pattern[position] !== terminator) {
      if (pattern[position] === '^' || pattern[position] === '$') {
        position += 1;
        continue;
      }
      out += quantified(atom());
    }
    return out;
  }

  function alternatives(terminator: string | undefined): string {
    const first = sequence(terminator);
    while (pattern[position] === '|') {
      position += 1;
      sequence(terminator);
    }
    return first;
  }

  const text = alternatives(undefined);
  return text.length >= minLength ? text : text + text.slice(-1).repeat(minLength - text.length);
}
