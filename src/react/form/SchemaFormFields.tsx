import { type ErrorSchema, type FieldPathList, type RJSFSchema, type UiSchema, toFieldPathId } from '@rjsf/utils';
import { memo, useCallback, useMemo, useRef } from 'react';
import type { FormRegistry } from './registry';

export type FieldChangeHandler = (path: FieldPathList, value: unknown) => void;

export interface SchemaFormFieldsProps {
  schema: RJSFSchema;
  uiSchema?: UiSchema | undefined;
  formData: unknown;
  errorSchema?: ErrorSchema | undefined;
  registry: FormRegistry;
  onFieldChange: FieldChangeHandler;
  disabled?: boolean | undefined;
}

function noop(): void {}
const NO_UI_SCHEMA: UiSchema = {};

/**
 * Renders rjsf's field tree for `schema` without rjsf's `Form`. rjsf v6 fields
 * report changes by path; applying them with structural sharing lets each memoized
 * field skip rendering unless its own data, errors or schema changed.
 */
export const SchemaFormFields = memo(function SchemaFormFields({
  schema,
  uiSchema,
  formData,
  errorSchema,
  registry,
  onFieldChange,
  disabled,
}: SchemaFormFieldsProps) {
  const SchemaField = registry.fields.SchemaField!;
  const fieldPathId = useMemo(() => toFieldPathId('', registry.globalFormOptions), [registry]);
  const onFieldChangeRef = useRef(onFieldChange);
  onFieldChangeRef.current = onFieldChange;
  // Stable for the form's lifetime: a new callback would make every memoized field re-render.
  const handleChange = useCallback((value: unknown, path: FieldPathList) => {
    // rjsf removes an additional property by sending an internal symbol as its value.
    onFieldChangeRef.current(path, typeof value === 'symbol' ? undefined : value);
  }, []);
  return (
    <SchemaField
      name=""
      schema={schema}
      uiSchema={uiSchema ?? NO_UI_SCHEMA}
      errorSchema={errorSchema}
      fieldPathId={fieldPathId}
      formData={formData}
      onChange={handleChange}
      onBlur={noop}
      onFocus={noop}
      registry={registry}
      disabled={disabled}
      readonly={false}
    />
  );
});
