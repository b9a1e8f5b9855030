import type { ErrorSchema, Field, FieldPathList, FieldProps, FormContextType, RJSFSchema } from '@rjsf/utils';
import { useCallback, useRef, useState } from 'react';
import { wrapOnce } from './wrap-once';

type AnyField = Field<unknown, RJSFSchema, FormContextType>;
const wrapped = new WeakMap<AnyField, AnyField>();

/**
 * Keeps a leaf field's value in its own state, so a keystroke re-renders this one
 * input, like a plain controlled input. The form learns the value too, but in a
 * transition (see `WriteFormBody`), so its re-render is interruptible and never
 * delays what the operator sees.
 *
 * The form's data arrives back as `formData` a little later; values this field
 * sent itself are recognised as echoes and do not overwrite newer keystrokes. Any
 * other change (a reset, a restored draft) replaces the local value.
 */
export function withLocalValue(field: AnyField): AnyField {
  return wrapOnce(wrapped, field, createLocalValueField);
}

function createLocalValueField(FieldComponent: AnyField): AnyField {
  function LocalValueField(props: FieldProps<unknown, RJSFSchema, FormContextType>) {
    const [local, setLocal] = useState<unknown>(props.formData);
    const fromForm = useRef<unknown>(props.formData);
    const sent = useRef<unknown[]>([]);

    if (!Object.is(props.formData, fromForm.current)) {
      fromForm.current = props.formData;
      const echo = sent.current.findIndex((value) => Object.is(value, props.formData));
      if (echo >= 0) {
        sent.current = sent.current.slice(echo + 1);
      } else {
        sent.current = [];
        if (!Object.is(local, props.formData)) setLocal(props.formData);
      }
    }
    // In step with the form (e.g. typed back to the value it already had): nothing is waiting to be echoed.
    if (Object.is(local, props.formData)) sent.current = [];

    const { onChange } = props;
    const handleChange = useCallback(
      (value: unknown, path: FieldPathList, errorSchema?: ErrorSchema, id?: string) => {
        sent.current.push(value);
        setLocal(value);
        onChange(value, path, errorSchema, id);
      },
      [onChange],
    );
    return <FieldComponent {...props} formData={local} onChange={handleChange} />;
  }
  LocalValueField.displayName = `LocalValue(${FieldComponent.displayName ?? FieldComponent.name ?? 'Field'})`;
  return LocalValueField;
}
