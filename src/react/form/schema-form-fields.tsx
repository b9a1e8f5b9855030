import { type RJSFSchema, type UiSchema, toFieldPathId } from '@rjsf/utils';
import { memo, useMemo } from 'react';
import type { FormRegistry } from './registry';
import { type FormRuntime, FormRuntimeContext } from './form-runtime';

export interface SchemaFormFieldsProps {
  schema: RJSFSchema;
  uiSchema?: UiSchema | undefined;
  registry: FormRegistry;
  /** The form's control and services (see `FormRuntime`); `TrackstarWriteForm` builds one per form. */
  runtime: FormRuntime;
  disabled?: boolean | undefined;
  readonly?: boolean | undefined;
}

function noop(): void {}
const NO_UI_SCHEMA: UiSchema = {};

/**
 * Renders rjsf's field tree for `schema` without rjsf's `Form`, every field reading
 * its own slice of the form store (see `store-schema-field.tsx`). Renders once per
 * structural change, not per keystroke.
 */
export const SchemaFormFields = memo(function SchemaFormFields({ schema, uiSchema, registry, runtime, disabled, readonly }: SchemaFormFieldsProps) {
  const SchemaField = registry.fields.SchemaField!;
  const fieldPathId = useMemo(() => toFieldPathId('', registry.globalFormOptions), [registry]);
  return (
    <FormRuntimeContext.Provider value={runtime}>
      <SchemaField
        name=""
        schema={schema}
        uiSchema={uiSchema ?? NO_UI_SCHEMA}
        fieldPathId={fieldPathId}
        formData={undefined}
        onChange={noop}
        onBlur={noop}
        onFocus={noop}
        registry={registry}
        disabled={disabled}
        readonly={readonly}
      />
    </FormRuntimeContext.Provider>
  );
});
