import { getDefaultRegistry } from '@rjsf/core';
import {
  type FormContextType,
  type Registry,
  type RegistryFieldsType,
  type RegistryWidgetsType,
  type RJSFSchema,
  type TemplatesType,
  type UiSchema,
  createSchemaUtils,
} from '@rjsf/utils';
import type { ValidatorType } from '@rjsf/utils';
import { withPlaceholderSupport } from './PlaceholderSelectWidget';

export type FormRegistry = Registry<unknown, RJSFSchema, FormContextType>;

export interface RegistryOverrides {
  widgets?: RegistryWidgetsType | undefined;
  templates?: Partial<TemplatesType> | undefined;
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
    fields: { ...defaults.fields, ...options.fields },
    templates: {
      ...defaults.templates,
      ...hostTemplates,
      ButtonTemplates: { ...defaults.templates.ButtonTemplates, ...hostTemplates.ButtonTemplates },
    } as FormRegistry['templates'],
    // Placeholder enums must stay unselectable whichever select widget the host's theme brings.
    widgets: { ...widgets, SelectWidget: withPlaceholderSupport(widgets.SelectWidget ?? defaults.widgets.SelectWidget!) },
    rootSchema: options.schema,
    formContext: options.formContext ?? {},
    schemaUtils: createSchemaUtils(options.validator, options.schema),
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
