import defaultValidator from '@rjsf/validator-ajv8';
import type { FormContextType, RJSFSchema, ValidatorType } from '@rjsf/utils';

/** The validator a form uses when neither it nor its provider is given one. */
export function selectDefaultValidator(): ValidatorType<unknown, RJSFSchema, FormContextType> {
  return defaultValidator as ValidatorType<unknown, RJSFSchema, FormContextType>;
}
