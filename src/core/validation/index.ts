/**
 * Validators for rjsf (`ValidatorType`). Kept out of `trackstar-write-form/core` because
 * they need rjsf (and, through `@rjsf/utils`, React); the root entry exports the public
 * ones.
 */
export { canGenerateCode } from './code-generation';
export { createAutoValidator, defaultFormValidator } from './default-validator';
export type { AutoValidatorOptions } from './default-validator';
export { createInterpretedValidator } from './interpreted-validator';
export type { InterpretedValidator } from './interpreted-validator';
