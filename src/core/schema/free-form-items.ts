import type { SchemaNode } from '../types';

/**
 * `items: {}` accepts anything, which no widget can edit. What such a list holds is
 * said in its description: Trackstar's `trackstar_tags` reads "A tag can be either a
 * string or a dictionary with one key-value pair". The list is given items a person
 * can enter and Trackstar accepts: text, a key and a (text) value, or a choice of
 * both, with "one key-value pair" limiting the object to exactly one entry. A
 * description that names neither makes it a list of text.
 */
export function freeFormItems(description: unknown, items: SchemaNode): SchemaNode {
  const text = typeof description === 'string' ? description : '';
  const pairs = /\b(dictionar(y|ies)|key[- ]?value|objects?|maps?|mappings?)\b/i.test(text);
  const strings = /\b(strings?|text)\b/i.test(text);
  const onePair = /\b(one|a single|single|1)\s+key\b/i.test(text);
  const annotations: SchemaNode = {};
  for (const keyword of ['title', 'description'] as const) if (typeof items[keyword] === 'string') annotations[keyword] = items[keyword];

  const textShape: SchemaNode = { type: 'string', title: 'Text' };
  const pairShape: SchemaNode = {
    type: 'object',
    title: onePair ? 'Key and value' : 'Keys and values',
    minProperties: 1,
    ...(onePair ? { maxProperties: 1 } : {}),
    additionalProperties: { type: 'string', title: 'Value' },
  };
  if (pairs && strings) return { ...annotations, anyOf: [textShape, pairShape] };
  if (pairs) return { ...pairShape, ...annotations };
  return { ...annotations, type: 'string' };
}
