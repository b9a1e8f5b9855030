/**
 * ajv-shaped errors → rjsf's `RJSFValidationError`s, the way `@rjsf/validator-ajv8`
 * words them: property paths with dots, titles from the uiSchema or the schema in the
 * message, and one error per message among `anyOf`/`oneOf` branches.
 */
import {
  type FormContextType,
  type RJSFSchema,
  type RJSFValidationError,
  type StrictRJSFSchema,
  type UiSchema,
  getByPath,
  getUiOptions,
  toPath,
} from '@rjsf/utils';
import type { AjvShapedError } from './ajv-shaped-errors';

/** The same message under several branches of one `anyOf`/`oneOf` is reported once. */
function withoutBranchDuplicates(errors: RJSFValidationError[]): RJSFValidationError[] {
  const kept: RJSFValidationError[] = [];
  for (const error of errors) {
    const schemaPath = error.schemaPath ?? '';
    const anyOfIndex = schemaPath.indexOf('/anyOf/');
    const oneOfIndex = schemaPath.indexOf('/oneOf/');
    // rjsf's own test is truthiness, so a branch at the very start of the path (index 0) is not filtered either.
    const prefix = anyOfIndex > 0 ? schemaPath.slice(0, anyOfIndex) : oneOfIndex > 0 ? schemaPath.slice(0, oneOfIndex) : undefined;
    const duplicate = prefix !== undefined && kept.some((other) => other.message === error.message && other.schemaPath?.startsWith(prefix));
    if (!duplicate) kept.push(error);
  }
  return kept;
}

function uiTitle<T, S extends StrictRJSFSchema, F extends FormContextType>(uiSchema: UiSchema<T, S, F> | undefined, path: (string | number)[]): string | undefined {
  return getUiOptions<T, S, F>(getByPath<UiSchema<T, S, F> | undefined>(uiSchema, path)).title;
}

export function toRjsfValidationErrors<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  errors: readonly AjvShapedError[],
  uiSchema?: UiSchema<T, S, F>,
  schema?: S,
): RJSFValidationError[] {
  const converted = errors.map((error): RJSFValidationError => {
    const { instancePath, keyword, params, schemaPath, parentSchema } = error;
    let message = error.message;
    let property = instancePath.replace(/\//g, '.');
    let stack = `${property} ${message}`.trim();
    let title = '';
    const propertyParts = property.replace(/^\./, '').split('.').filter(Boolean);
    const namedProperties = [
      ...(typeof params.deps === 'string' ? params.deps.split(', ') : []),
      params.missingProperty,
      params.property,
    ].filter((name): name is string => typeof name === 'string' && name !== '');

    if (namedProperties.length > 0) {
      for (const name of namedProperties) {
        const path = property ? `${property}.${name}` : name;
        const fromUi =
          uiTitle(uiSchema, toPath(path)) ??
          uiTitle(uiSchema, [...schemaPath.replace(/\/properties\//g, '/').split('/').slice(1, -1), name]) ??
          getByPath<string | undefined>(uiSchema, [...propertyParts, name, 'title']);
        const named =
          fromUi ||
          getByPath<string | undefined>(parentSchema, ['properties', name, 'title']) ||
          (schema ? getByPath<string | undefined>(schema, [...propertyParts.flatMap((part) => ['properties', part]), 'properties', name, 'title']) : undefined);
        if (named) {
          message = message.replace(`'${name}'`, `'${named}'`);
          title = named;
        }
      }
      stack = message;
    } else {
      const fromUi = uiTitle(uiSchema, toPath(property));
      const named = fromUi || (typeof parentSchema?.title === 'string' ? parentSchema.title : undefined);
      if (named) {
        stack = `'${named}' ${message}`.trim();
        title = named;
      }
    }

    if ('missingProperty' in params) property = property ? `${property}.${String(params.missingProperty)}` : String(params.missingProperty);
    return { name: keyword, property, message, params, stack, schemaPath, title };
  });
  return withoutBranchDuplicates(converted);
}
