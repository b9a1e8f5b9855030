import type { ValidatorType } from '@rjsf/utils';
import { defaultFormValidator } from '../../core/validation';

/**
 * The validator a form uses when neither it nor its provider is given one: ajv where the
 * page allows code generation, an interpreter under a strict Content-Security-Policy.
 */
export function selectDefaultValidator(): ValidatorType {
  return defaultFormValidator as ValidatorType;
}
