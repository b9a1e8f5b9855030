import { type FormProps, getDefaultRegistry } from '@rjsf/core';
import {
  type FormContextType,
  type Registry,
  type RegistryFieldsType,
  type RegistryWidgetsType,
  type RJSFSchema,
  type SchemaUtilsType,
  type UiSchema,
  createSchemaUtils,
} from '@rjsf/utils';
import type { ValidatorType } from '@rjsf/utils';
import { enhanceSelectWidget } from './SelectWidgetEnhancements';
import { withLocalValue } from './LocalValueField';
import { withStableUiSchema } from './StableUiSchemaField';
import { createTableArrayField } from './TableArrayField';
import { wrapOnce } from './wrap-once';

const tableArrayFields = new WeakMap<Parameters<typeof createTableArrayField>[0], ReturnType<typeof createTableArrayField>>();
function tableArrayField(fallback: Parameters<typeof createTableArrayField>[0]) {
  return wrapOnce(tableArrayFields, fallback, createTableArrayField);
}

/** Keywords whose resolution depends on the definitions or on the form data. */
const DATA_DEPENDENT_KEYWORDS = ['$ref', 'dependencies', 'if', 'allOf', 'anyOf', 'oneOf', 'patternProperties'] as const;

/**
 * rjsf's `retrieveSchema` returns a new object on every call, even for a schema with
 * nothing to resolve, and ObjectField calls it with the form data on every change:
 * every property then receives a "new" schema and re-renders, all 500 line items
 * included. Schemas from `toFormSchema` are already inlined, so a node without
 * data-dependent keywords (and without extra keys its `additionalProperties` would
 * add) is returned as is.
 */
function withStableRetrieval<T, S extends RJSFSchema, F extends FormContextType>(schemaUtils: SchemaUtilsType<T, S, F>): SchemaUtilsType<T, S, F> {
  const stable: SchemaUtilsType<T, S, F> = Object.create(schemaUtils);
  stable.retrieveSchema = (schema, rawFormData, ...rest) => {
    const hasExtraKeys = () =>
      schema.additionalProperties !== false &&
      rawFormData !== null &&
      typeof rawFormData === 'object' &&
      !Array.isArray(rawFormData) &&
      Object.keys(rawFormData).some((key) => !(key in (schema.properties ?? {})));
    if (typeof schema === 'object' && !DATA_DEPENDENT_KEYWORDS.some((keyword) => keyword in schema) && !hasExtraKeys()) return schema;
    return schemaUtils.retrieveSchema(schema, rawFormData, ...rest);
  };
  return stable;
}

/** Leaf fields (the ones an operator types into) keep their value locally; see `withLocalValue`. */
function withLocalLeafValues(fields: RegistryFieldsType): RegistryFieldsType {
  const out = { ...fields };
  for (const name of ['StringField', 'NumberField', 'BooleanField'] as const) {
    const field = fields[name];
    if (field) out[name] = withLocalValue(field);
  }
  return out;
}

export type FormRegistry = Registry<unknown, RJSFSchema, FormContextType>;

export interface RegistryOverrides {
  widgets?: RegistryWidgetsType | undefined;
  templates?: FormProps<unknown, RJSFSchema, FormContextType>['templates'] | undefined;
  fields?: RegistryFieldsType | undefined;
  formContext?: FormContextType | undefined;
}

export interface BuildRegistryOptions extends RegistryOverrides {
  schema: RJSFSchema;
  uiSchema?: UiSchema | undefined;
  validator: ValidatorType;
  idPrefix: string;
}

/**
 * The registry rjsf's `Form` would build, built here because this library renders
 * rjsf's fields without `Form` (whose every change clones and re-defaults the whole
 * form data). Host widgets, templates and fields override the defaults exactly as
 * they would on `Form`, so a theme keeps working.
 */
export function buildRegistry(options: BuildRegistryOptions): FormRegistry {
  const defaults = getDefaultRegistry<unknown, RJSFSchema, FormContextType>();
  const widgets = { ...defaults.widgets, ...options.widgets };
  const hostTemplates = options.templates ?? {};
  return {
    ...defaults,
    // Line items render as a table; a host's own ArrayField or ObjectField still wins.
    fields: withLocalLeafValues({
      ...defaults.fields,
      ObjectField: withStableUiSchema(defaults.fields.ObjectField!),
      ArrayField: tableArrayField(withStableUiSchema(defaults.fields.ArrayField!)),
      ...options.fields,
    }),
    templates: {
      ...defaults.templates,
      ...hostTemplates,
      ButtonTemplates: { ...defaults.templates.ButtonTemplates, ...hostTemplates.ButtonTemplates },
    } as FormRegistry['templates'],
    // Placeholder enums must stay unselectable whichever select widget the host's theme brings.
    widgets: { ...widgets, SelectWidget: enhanceSelectWidget(widgets.SelectWidget ?? defaults.widgets.SelectWidget!) },
    rootSchema: options.schema,
    formContext: options.formContext ?? {},
    schemaUtils: withStableRetrieval(createSchemaUtils(options.validator, options.schema)),
    globalUiOptions: options.uiSchema?.['ui:globalOptions'],
    globalFormOptions: {
      idPrefix: options.idPrefix,
      idSeparator: '_',
      useFallbackUiForUnsupportedType: false,
      // Form data is updated with structural sharing, so an unchanged branch keeps its identity and a
      // shallow comparison is exact; rjsf's default deep comparison would walk 500 line items per keystroke.
      experimental_componentUpdateStrategy: 'shallow',
    },
    uiSchemaDefinitions: {},
  };
}
