import { type Field, type FieldProps, type FormContextType, type RJSFSchema, useDeepCompareMemo } from '@rjsf/utils';

type AnyField = Field<unknown, RJSFSchema, FormContextType>;
const wrapped = new WeakMap<AnyField, AnyField>();

/**
 * rjsf's SchemaField hands its field a `uiSchema` rebuilt by destructuring on every
 * render. ObjectField derives its callbacks from it, so each keystroke gave every
 * property new callbacks and re-rendered the whole form. Passing the previous object
 * while the content is equal lets the memoized properties skip.
 */
export function withStableUiSchema(FieldComponent: AnyField): AnyField {
  const existing = wrapped.get(FieldComponent);
  if (existing) return existing;
  function StableUiSchemaField(props: FieldProps<unknown, RJSFSchema, FormContextType>) {
    const uiSchema = useDeepCompareMemo(props.uiSchema);
    return <FieldComponent {...props} uiSchema={uiSchema} />;
  }
  StableUiSchemaField.displayName = `StableUiSchema(${FieldComponent.displayName ?? FieldComponent.name ?? 'Field'})`;
  wrapped.set(FieldComponent, StableUiSchemaField);
  return StableUiSchemaField;
}
