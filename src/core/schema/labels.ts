/**
 * Human labels for machine names: `warehouse_id` → "Warehouse ID",
 * `ship_to_address` → "Ship to address", `address1` → "Address 1".
 */

const ACRONYMS = new Set([
  'id', 'ids', 'sku', 'skus', 'url', 'urls', 'po', 'upc', 'gtin', 'ean', 'asn', 'rma', 'fba', 'uom', 'eta',
  'api', 'vat', 'eori', 'hs', 'scac', 'b2b', 'd2c', 'edi', 'pdf', 'lpn', '3pl', 'usd', 'ups', 'usps', 'dhl',
  'ltl', 'ftl', 'bol', 'mpn', 'isbn', 'asin', 'msku', 'fnsku', 'dsku', 'qc', 'ioss', 'ddp', 'dap', 'cod',
]);

const MIXED_CASE = new Map([
  ['ids', 'IDs'],
  ['skus', 'SKUs'],
  ['urls', 'URLs'],
]);

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d+)$/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean);
}

function formatWord(word: string, first: boolean): string {
  const lower = word.toLowerCase();
  const mixed = MIXED_CASE.get(lower);
  if (mixed) return mixed;
  if (ACRONYMS.has(lower)) return lower.toUpperCase();
  if (word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word)) return word;
  return first ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
}

export function humanizeKey(name: string): string {
  const words = splitWords(name);
  if (words.length === 0) return name;
  return words.map((word, index) => formatWord(word, index === 0)).join(' ');
}

/** "line_items" → "line_item", "boxes" → "box", "categories" → "category". */
export function singularize(name: string): string {
  if (/ies$/i.test(name)) return name.replace(/ies$/i, 'y');
  if (/(ss|x|ch|sh|s)es$/i.test(name)) return name.replace(/es$/i, '');
  if (/(us|ss|is)$/i.test(name)) return name;
  if (/[^s]s$/i.test(name)) return name.slice(0, -1);
  return name;
}

/**
 * Whether a `title` Trackstar sent is worth showing. Meta titles repeat the key
 * (`"title": "warehouse_id"`) and nested schemas carry class names
 * (`"CreateOrderShipToAddressShiphero"`); neither reads as a label.
 */
export function isHumanTitle(title: unknown, key?: string): title is string {
  if (typeof title !== 'string' || title.trim() === '') return false;
  if (key !== undefined && title === key) return false;
  return /\s/.test(title.trim());
}

/**
 * Markdown links in Trackstar descriptions (`[Warehouse](/api-reference/...)`) point into
 * docs the operator never sees, so every link becomes its text: inline and reference
 * links, images (their alt text), autolinks (`<https://…>` → the address as text), and
 * reference definitions are removed. Whitespace is collapsed (a description is one
 * line under a field); `..` typos become one full stop.
 */
export function plainDescription(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const plain = text
    .replace(/^\s*\[[^\]\n]+\]:\s*\S+.*$/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto|ftp):[^\s>]+)>/gi, '$1')
    .replace(/\.\.(\s|$)/g, '.$1')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? undefined : plain;
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^(the|a|an) /, '')
    .trim();
}

/** "Email Address" under the label "Email address", or `ship_date` under "Ship date": a description that says nothing new. */
export function repeatsLabel(description: string, title: string | undefined, key: string | undefined): boolean {
  const said = comparable(description);
  return said === '' || [title, key].some((label) => label !== undefined && comparable(label) === said);
}

/**
 * "Deprecated.", "Deprecated in favor of `channel_object`.", "DEPRECATED: Use X", "This
 * field is deprecated…". Not when the replacement it names is the field itself (a
 * description copied from the field it replaces).
 */
export function saysDeprecated(description: string | undefined, key: string | undefined): boolean {
  if (description === undefined || !/\bdeprecated\b/i.test(description)) return false;
  const replacement = /\bdeprecated\b[^.]*?\b(?:in favou?r of|use)\b([^.]*)/i.exec(description)?.[1];
  if (replacement === undefined || key === undefined) return true;
  return !new RegExp(`(^|[^A-Za-z0-9_])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9_]|$)`).test(replacement);
}
