import { type Field, type FieldProps, type FormContextType, type RJSFSchema, useDeepCompareMemo } from '@rjsf/utils';
import { wrapOnce } from './wrap-once';

type AnyField = Field<unknown, RJSFSchema, FormContextType>;
const wrapped = new WeakMap<AnyField, AnyField>();

/**
 * rjsf's SchemaField hands its field a `uiSchema` rebuilt by destructuring on every
 * render. ObjectField derives its callbacks from it, so each keystroke gave every
 * property new callbacks and re-rendered the whole form. Passing the previous object
 * while the content is equal lets the memoized properties skip.
 */
export function withStableUiSchema(field: AnyField): AnyField {
  return wrapOnce(wrapped, field, createStableUiSchemaField);
}

function createStableUiSchemaField(FieldComponent: AnyField): AnyField {
  function StableUiSchemaField(props: FieldProps<unknown, RJSFSchema, FormContextType>) {
    const uiSchema = useDeepCompareMemo(props.uiSchema);
    return <FieldComponent {...props} uiSchema={uiSchema} />;
  }
  StableUiSchemaField.displayName = `StableUiSchema(${FieldComponent.displayName ?? FieldComponent.name ?? 'Field'})`;
  return StableUiSchemaField;
}
