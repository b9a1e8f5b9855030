import { type FormProps, getDefaultRegistry } from '@rjsf/core';
import {
  type FormContextType,
  type Registry,
  type RegistryFieldsType,
  type RegistryWidgetsType,
  type RJSFSchema,
  type SchemaUtilsType,
  type TemplatesType,
  type UiSchema,
  type ValidatorType,
  createSchemaUtils,
  englishStringTranslator,
} from '@rjsf/utils';
import { FieldErrorTemplate } from '../templates/field-error-template';
import { withLineItemGrid } from './line-items/array-field';
import { enhanceSelectWidget } from './select-widget-enhancements';
import { withFormStore } from './store-schema-field';
import { wrapOnce } from './wrap-once';

/** Keywords whose resolution depends on the definitions or on the form data. */
const DATA_DEPENDENT_KEYWORDS = ['$ref', 'dependencies', 'if', 'allOf', 'anyOf', 'oneOf', 'patternProperties'] as const;

/**
 * rjsf's `retrieveSchema` returns a new object on every call, even for a schema with
 * nothing to resolve, and ObjectField calls it on every render: every property would
 * then receive a "new" schema and re-render. Schemas from `toFormSchema` are already
 * inlined, so a node without data-dependent keywords (and without extra keys its
 * `additionalProperties` would add) is returned as is.
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

export type FormRegistry = Registry<unknown, RJSFSchema, FormContextType>;

type ObjectTemplate = TemplatesType<unknown, RJSFSchema, FormContextType>['ObjectFieldTemplate'];
const classNamed = new WeakMap<ObjectTemplate, ObjectTemplate>();
function withClassName(Template: ObjectTemplate, className: string): ObjectTemplate {
  return wrapOnce(classNamed, Template, (Inner) => {
    const Named: ObjectTemplate = (props) => <Inner {...props} className={props.className ? `${props.className} ${className}` : className} />;
    return Named;
  });
}

/**
 * rjsf `Form`'s own type for `templates`, so a theme's `templates` object (e.g.
 * `@rjsf/mui`'s `Theme.templates`) is accepted as is. Two slots are this library's:
 * `TrackstarButton` and `TrackstarNotice` (see `src/react/templates`).
 */
export type FormTemplates = NonNullable<FormProps<unknown, RJSFSchema, FormContextType>['templates']>;

export interface RegistryOverrides {
  widgets?: RegistryWidgetsType | undefined;
  templates?: FormTemplates | undefined;
  fields?: RegistryFieldsType | undefined;
  formContext?: FormContextType | undefined;
  /** rjsf's string translator, for rjsf's own strings (its buttons, widgets, labels). */
  translateString?: Registry['translateString'] | undefined;
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
 * they would on `Form`, so a theme keeps working. Every field reads the form store
 * (the `SchemaField` wrapper), and arrays render as line-item grids unless the host
 * brings its own `ArrayField`.
 */
export function buildRegistry(options: BuildRegistryOptions): FormRegistry {
  const defaults = getDefaultRegistry<unknown, RJSFSchema, FormContextType>();
  const widgets = { ...defaults.widgets, ...options.widgets };
  const hostTemplates = options.templates ?? {};
  const hostFields = options.fields ?? {};
  return {
    ...defaults,
    fields: {
      ...defaults.fields,
      ArrayField: withLineItemGrid(defaults.fields.ArrayField!),
      ...hostFields,
      SchemaField: withFormStore(hostFields.SchemaField ?? defaults.fields.SchemaField!),
    },
    templates: {
      ...defaults.templates,
      // rjsf's own group template draws a bare <fieldset>; a class lets the optional stylesheet style it without
      // touching the fieldsets a theme draws (MUI's outlined inputs are fieldsets too).
      ObjectFieldTemplate: withClassName(defaults.templates.ObjectFieldTemplate, 'tswf-object'),
      FieldErrorTemplate: FieldErrorTemplate as TemplatesType<unknown, RJSFSchema, FormContextType>['FieldErrorTemplate'],
      ...hostTemplates,
      ButtonTemplates: { ...defaults.templates.ButtonTemplates, ...hostTemplates.ButtonTemplates },
    } as FormRegistry['templates'],
    // Placeholder enums must stay unselectable whichever select widget the host's theme brings.
    widgets: { ...widgets, SelectWidget: enhanceSelectWidget(widgets.SelectWidget ?? defaults.widgets.SelectWidget!) },
    rootSchema: options.schema,
    formContext: options.formContext ?? {},
    schemaUtils: withStableRetrieval(createSchemaUtils(options.validator, options.schema)),
    translateString: options.translateString ?? englishStringTranslator,
    globalUiOptions: options.uiSchema?.['ui:globalOptions'],
    // Presentation of the schema's recursive definitions (cycles), which no property path reaches.
    uiSchemaDefinitions: (options.uiSchema?.['ui:definitions'] as Registry['uiSchemaDefinitions'] | undefined) ?? {},
    globalFormOptions: {
      idPrefix: options.idPrefix,
      idSeparator: '_',
      useFallbackUiForUnsupportedType: false,
      // Fields read the store; a prop change is a real change, and a shallow comparison is exact.
      experimental_componentUpdateStrategy: 'shallow',
    },
  };
}
