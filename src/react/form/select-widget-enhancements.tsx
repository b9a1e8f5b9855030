import type { FormContextType, RJSFSchema, Widget, WidgetProps } from '@rjsf/utils';
import { isPlaceholderEnum, placeholderHint } from '../../core/schema/placeholders';
import { useControlAria } from './use-control-aria';
import { wrapOnce } from './wrap-once';

const wrapped = new WeakMap<Widget, Widget>();

/** rjsf's selector between the branches of a `oneOf`/`anyOf` (e.g. "channel by ID" or "by name"). */
function isBranchSelector(id: string): boolean {
  return id.endsWith('__oneof_select') || id.endsWith('__anyof_select');
}

/**
 * Wraps a select widget so that an enum made only of placeholders
 * ("N/A - Connect an account to see options") renders as a disabled dropdown
 * showing the hint, with no option that could ever become a value, and so that
 * the selector of a `oneOf` has a label. Real enums pass straight through to the
 * wrapped widget, so themes keep their look.
 */
export function enhanceSelectWidget(selectWidget: Widget): Widget {
  return wrapOnce(wrapped, selectWidget, createEnhancedSelectWidget);
}

function createEnhancedSelectWidget(SelectWidget: Widget): Widget {
  function EnhancedSelectWidget(props: WidgetProps<unknown, RJSFSchema, FormContextType>) {
    const values = props.schema.enum;
    const branchSelector = isBranchSelector(props.id);
    // The selector of a oneOf is not a field of its own, so no store field puts its ARIA right: done here.
    useControlAria({
      id: props.id,
      hasErrors: branchSelector && (props.rawErrors?.length ?? 0) > 0,
      required: branchSelector && props.required === true,
      kind: branchSelector ? 'control' : 'none',
      labelledBy: branchSelector ? `${props.id}__label` : undefined,
    });
    if (branchSelector) {
      // rjsf renders this select without a label, and the field's own title is lost with it. A visible label
      // names it: through `aria-labelledby`, which names a native <select> and a theme's `role="combobox"` alike.
      return (
        <div className="tswf-choice">
          <span className="tswf-choice__label" id={`${props.id}__label`}>
            {props.label}
          </span>
          <SelectWidget {...props} />
        </div>
      );
    }
    if (!isPlaceholderEnum(values)) return <SelectWidget {...props} />;
    const hint = placeholderHint(values);
    return (
      <SelectWidget
        {...props}
        value={undefined}
        disabled
        placeholder={hint}
        options={{ ...props.options, enumOptions: [] }}
        onChange={ignoreChange}
      />
    );
  }
  EnhancedSelectWidget.displayName = `Enhanced(${SelectWidget.displayName ?? SelectWidget.name ?? 'SelectWidget'})`;
  return EnhancedSelectWidget;
}

function ignoreChange(): void {
  // A placeholder is never a value: a disabled select should not fire, and if a theme's does, it is dropped.
}
