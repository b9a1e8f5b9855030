/**
 * The registry's `ArrayField`: a line-item grid when the array is one (see
 * `grid-layout.ts`), rjsf's own array field otherwise.
 */
import type { Field, FieldProps, FormContextType, RJSFSchema } from '@rjsf/utils';
import { wrapOnce } from '../wrap-once';
import { gridLayout } from './grid-layout';
import { LineItemGrid } from './line-item-grid';

type AnyField = Field<unknown, RJSFSchema, FormContextType>;
const wrapped = new WeakMap<AnyField, AnyField>();

export function withLineItemGrid(fallback: AnyField): AnyField {
  return wrapOnce(wrapped, fallback, (Fallback) => {
    function ArrayField(props: FieldProps<unknown, RJSFSchema, FormContextType>) {
      const layout = gridLayout(props.schema, props.uiSchema, props.registry);
      return layout ? <LineItemGrid {...props} layout={layout} /> : <Fallback {...props} />;
    }
    ArrayField.displayName = 'LineItemGridOrArrayField';
    return ArrayField;
  });
}
