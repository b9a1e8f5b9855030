import { UNSAFE_KEY, isPlainObject } from './json';

/**
 * The part of an rjsf uiSchema this library generates: display only, never validation.
 * Keys are rjsf's: `ui:*` options, a property name for an object's field, `items`
 * for an array's items, `anyOf`/`oneOf` for the
 * branches of a choice, `additionalProperties` for extra keys' values, and at the
 * root `ui:definitions` for schemas reached through `#/definitions/…`.
 */
export interface FormUiSchema {
  /** Labels for `enum` options, index for index. */
  'ui:enumNames'?: string[];
  /** Field order: `'*'` (the schema's order) first, then free-form lists, then deprecated fields. */
  'ui:order'?: string[];
  /** Replaces the schema title: set for deprecated fields ("Carrier (deprecated)"). */
  'ui:title'?: string;
  /** The description as markdown, safe to render (see `inlineMarkdown`); with `ui:enableMarkdownInDescription`. */
  'ui:description'?: string;
  'ui:enableMarkdownInDescription'?: boolean;
  /** `email`, `uri` or `date-time`: inputs that fit the field. */
  'ui:widget'?: string;
  'ui:definitions'?: Record<string, FormUiSchema>;
  items?: FormUiSchema;
  anyOf?: FormUiSchema[];
  oneOf?: FormUiSchema[];
  additionalProperties?: FormUiSchema;
  [field: string]: FormUiSchema | FormUiSchema[] | Record<string, FormUiSchema> | string | string[] | boolean | undefined;
}

/**
 * The uiSchema a form renders with: `generated` (from `toFormDefinition`) under the
 * host's own `host` uiSchema, which wins. Objects merge key by key at any depth (so a
 * host setting `ui:widget` on one field keeps that field's generated labels); anything
 * else the host gives (a string, an array such as `ui:order`, a component, a function)
 * replaces the generated value whole. Neither input is modified.
 */
export function mergeUiSchema<T extends object>(generated: FormUiSchema | undefined, host: T | undefined): FormUiSchema & T {
  return mergeObjects(generated ?? {}, host ?? {}) as FormUiSchema & T;
}

function mergeObjects(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(override)) {
    if (key === UNSAFE_KEY) continue;
    const value = override[key];
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) && !isElementLike(value) ? mergeObjects(current, value) : value;
  }
  return out;
}

/** A React element (or anything rendered) is a value, not a uiSchema to merge into. */
function isElementLike(value: Record<string, unknown>): boolean {
  return '$$typeof' in value;
}
