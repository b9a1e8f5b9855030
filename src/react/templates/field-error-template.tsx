/**
 * rjsf core's `FieldErrorTemplate` with a class on its wrapper, so the optional
 * stylesheet can place a field's errors without a `:has()` selector (which Chrome
 * re-matches on every keystroke). Used only with rjsf's core templates: a theme's or
 * the host's own error template is left alone.
 */
import { type FieldErrorProps, type FormContextType, type RJSFSchema, errorId } from '@rjsf/utils';

export function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps<unknown, RJSFSchema, FormContextType>) {
  const shown = errors.filter((error) => !!error);
  if (shown.length === 0) return null;
  return (
    <div className="tswf-field-errors">
      <ul id={errorId(fieldPathId)} className="error-detail bs-callout bs-callout-info">
        {shown.map((error, index) => (
          // rjsf's errors have no identity of their own; their order is their key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} className="text-danger">
            {error}
          </li>
        ))}
      </ul>
    </div>
  );
}
