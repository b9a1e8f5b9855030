/**
 * rjsf's `SchemaField`, fed from the form store instead of from its parent.
 *
 * Every field of the tree is wrapped (the registry's `SchemaField` is this), reads its
 * own value and errors from the store by its path, and writes changes back by path.
 * A group whose rendering does not depend on its data (an object without
 * `oneOf`/`if`/additional properties, a line-item grid) subscribes to nothing that
 * changes on a keystroke, so typing in one field re-renders that field alone, however
 * many line items the form holds. A group whose rendering does depend on its data
 * (which `oneOf` branch matches) reads its whole value, as rjsf expects.
 */
import type { ErrorSchema, Field, FieldProps, FormContextType, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useCallback, useMemo } from 'react';
import { type FormPath } from '../../core';
import { getIn, isEmptyValue, pathKey } from '../../core/internal';
import { useFormRuntime } from './form-runtime';
import { isGridArray } from './line-items/grid-layout';
import { ACCESSIBLE_NAME, useControlAria } from './use-control-aria';
import { useFieldSlice, useOwnErrors } from './use-form-state';
import { wrapOnce } from './wrap-once';

type AnyField = Field<unknown, RJSFSchema, FormContextType>;
type Props = FieldProps<unknown, RJSFSchema, FormContextType>;

const wrapped = new WeakMap<AnyField, AnyField>();

/** Nothing a structure-only group renders depends on its data; this stands in for it. */
const STRUCTURE_ONLY = Symbol('structure only');

const DATA_DEPENDENT_KEYWORDS = ['oneOf', 'anyOf', 'allOf', 'if', 'dependencies', 'patternProperties', '$ref'] as const;

type Subscription = { mode: 'value' | 'structure'; kind: 'control' | 'group' };

function subscriptionFor(props: Props): Subscription {
  const { schema, uiSchema, registry } = props;
  if (DATA_DEPENDENT_KEYWORDS.some((keyword) => keyword in schema)) return { mode: 'value', kind: 'group' };
  const type = schema.type;
  if (type === 'object' || (type === undefined && schema.properties)) {
    const open = schema.additionalProperties !== undefined && schema.additionalProperties !== false;
    return { mode: open ? 'value' : 'structure', kind: 'group' };
  }
  if (type === 'array') {
    if (isGridArray(schema, uiSchema, registry)) return { mode: 'structure', kind: 'group' };
    // rjsf's own array: a multi-select of enum values is one control; a tuple is a group.
    return { mode: 'value', kind: registry.schemaUtils.isMultiSelect(schema) ? 'control' : 'group' };
  }
  return { mode: 'value', kind: 'control' };
}

/** Adds a hint under a field through rjsf's help slot, which every theme renders. */
function withHelp(uiSchema: UiSchema | undefined, hint: string): UiSchema {
  const own = uiSchema?.['ui:help'];
  return { ...uiSchema, 'ui:help': typeof own === 'string' && own !== '' ? `${own} ${hint}` : hint };
}

export function withFormStore(schemaField: AnyField): AnyField {
  return wrapOnce(wrapped, schemaField, createStoreSchemaField);
}

function createStoreSchemaField(SchemaField: AnyField): AnyField {
  function StoreSchemaField(props: Props) {
    const runtime = useFormRuntime();
    const { store } = runtime.control;
    const path = props.fieldPathId.path as FormPath;
    const key = pathKey(path);
    const subscription = useMemo(() => subscriptionFor(props), [props.schema, props.uiSchema, props.registry]); // eslint-disable-line react-hooks/exhaustive-deps
    const value = useFieldSlice(store, path, (state) => (subscription.mode === 'value' ? getIn(state.values, path) : STRUCTURE_ONLY));
    const ownErrors = useOwnErrors(store, path);
    const errorSchema = useMemo<ErrorSchema | undefined>(() => (ownErrors ? ({ __errors: ownErrors } as ErrorSchema) : undefined), [ownErrors]);

    // "None", "null", "nil": Trackstar treats them as empty; say so before the operator sends the form.
    const nullLike = subscription.kind === 'control' && typeof value === 'string' && value.trim() !== '' && isEmptyValue(value) ? value.trim() : undefined;
    const hint = nullLike === undefined ? undefined : runtime.messages.nullLikeHint({ value: nullLike });
    const uiSchema = useMemo(() => (hint ? withHelp(props.uiSchema, hint) : props.uiSchema), [props.uiSchema, hint]);

    const onChange = useCallback<Props['onChange']>(
      // rjsf removes an additional property by sending an internal symbol as its value.
      (next, changedPath) => runtime.control.setValue((changedPath ?? path) as FormPath, typeof next === 'symbol' ? undefined : next),
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [runtime, key],
    );
    const onBlur = useCallback(
      (id: string, blurred: unknown) => {
        store.dispatch({ type: 'touch', path });
        runtime.onFieldBlur(id, blurred);
      },
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [runtime, key],
    );
    const name = props.uiSchema?.[ACCESSIBLE_NAME];
    useControlAria({
      id: props.fieldPathId.$id,
      hasErrors: ownErrors !== undefined,
      required: props.required === true,
      kind: subscription.kind,
      name: typeof name === 'string' ? name : undefined,
    });

    return (
      <SchemaField
        {...props}
        formData={value === STRUCTURE_ONLY ? undefined : value}
        errorSchema={errorSchema}
        uiSchema={uiSchema}
        onChange={onChange}
        onBlur={onBlur}
        onFocus={runtime.onFieldFocus}
      />
    );
  }
  StoreSchemaField.displayName = 'StoreSchemaField';
  return StoreSchemaField;
}
