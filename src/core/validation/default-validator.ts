/**
 * The validator `TrackstarWriteForm` uses unless given one: rjsf's ajv validator
 * (compiled, fastest) where the page allows code generation, the interpreter where a
 * strict Content-Security-Policy forbids it. Without this, every submit under
 * `script-src 'self'` failed with the CSP's message as a field error.
 */
import type { ValidatorType } from '@rjsf/utils';
import ajvValidator from '@rjsf/validator-ajv8';
import { canGenerateCode } from './code-generation';
import { createInterpretedValidator } from './interpreted-validator';

export interface AutoValidatorOptions {
  /** Asked once, on the first validation. Default: whether `new Function` works here. */
  canGenerateCode?: () => boolean;
  /** Used when code generation is allowed. Default: `@rjsf/validator-ajv8`. */
  compiling?: ValidatorType;
  /** Used when it is not. Default: `createInterpretedValidator()`. */
  interpreting?: ValidatorType;
}

/** A validator that decides between a compiling and an interpreting one the first time it is used. */
export function createAutoValidator(options: AutoValidatorOptions = {}): ValidatorType {
  let chosen: ValidatorType | undefined;
  const choose = (): ValidatorType =>
    (chosen ??= (options.canGenerateCode ?? canGenerateCode)() ? (options.compiling ?? ajvValidator) : (options.interpreting ?? createInterpretedValidator()));
  return {
    validateFormData: (...args) => choose().validateFormData(...args),
    isValid: (...args) => choose().isValid(...args),
    rawValidation: (...args) => choose().rawValidation(...args),
    reset: () => chosen?.reset?.(),
  };
}

/** The one default instance: every form shares its compiled (or prepared) schemas. */
export const defaultFormValidator: ValidatorType = createAutoValidator();
