/**
 * An rjsf `ValidatorType` that never evaluates strings: for pages whose
 * Content-Security-Policy has no `'unsafe-eval'`, where ajv (and so
 * `@rjsf/validator-ajv8`) cannot compile a single schema. Errors, error schemas and
 * `isValid` answers match validator-ajv8's, so messages, field paths, `oneOf`/`anyOf`
 * option matching and defaults behave the same.
 */
import {
  type CustomValidator,
  type ErrorSchema,
  type ErrorTransformer,
  type FormContextType,
  type RJSFSchema,
  type RJSFValidationError,
  type StrictRJSFSchema,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
  createErrorHandler,
  getDefaultFormState,
  toErrorList,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
} from '@rjsf/utils';
import type { AjvShapedError } from './ajv-shaped-errors';
import { toRjsfValidationErrors } from './rjsf-validation-errors';
import { createSchemaInterpreter } from './schema-interpreter';

export interface InterpretedValidator<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>
  extends ValidatorType<T, S, F> {
  /** rjsf 5's `toErrorList`: an error schema as a flat list, for hosts that still call it on the validator. */
  toErrorList(errorSchema?: ErrorSchema<T>, fieldPath?: string[]): RJSFValidationError[];
  reset(): void;
}

/**
 * A validator for `<TrackstarWriteForm validator>` (or rjsf's own `Form`) that
 * interprets schemas instead of compiling them. `TrackstarWriteForm` picks it by itself
 * when the page forbids code generation; pass it explicitly to skip that check.
 */
export function createInterpretedValidator<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(): InterpretedValidator<T, S, F> {
  const interpreter = createSchemaInterpreter();

  const rawValidation = <Result = AjvShapedError>(schema: S, formData?: T): { errors?: Result[]; validationError?: Error } => {
    try {
      const errors = interpreter.errors(schema, formData);
      return { errors: errors.length > 0 ? (errors as Result[]) : undefined };
    } catch (error) {
      return { validationError: error instanceof Error ? error : new Error(String(error)) };
    }
  };

  const validator: InterpretedValidator<T, S, F> = {
    rawValidation,

    validateFormData(
      formData: T | undefined,
      schema: S,
      customValidate?: CustomValidator<T, S, F>,
      transformErrors?: ErrorTransformer<T, S, F>,
      uiSchema?: UiSchema<T, S, F>,
    ): ValidationData<T> {
      const raw = rawValidation<AjvShapedError>(schema, formData);
      let errors = toRjsfValidationErrors<T, S, F>(raw.errors ?? [], uiSchema, schema);
      // A schema the interpreter cannot use (an unresolvable `$ref`) is reported the way validator-ajv8 reports one ajv cannot compile.
      if (raw.validationError) errors = [...errors, { stack: raw.validationError.message }];
      if (typeof transformErrors === 'function') errors = transformErrors(errors, uiSchema);
      let errorSchema = toErrorSchema<T>(errors);
      if (raw.validationError) errorSchema = { ...errorSchema, $schema: { __errors: [raw.validationError.message] } } as ErrorSchema<T>;
      if (typeof customValidate !== 'function') return { errors, errorSchema };
      const withDefaults = getDefaultFormState<T, S, F>(validator, schema, formData, schema, true) as T;
      const handler = customValidate(withDefaults, createErrorHandler<T>(withDefaults), uiSchema, errorSchema);
      return validationDataMerge<T>({ errors, errorSchema }, unwrapErrorHandler<T>(handler));
    },

    isValid(schema: S, formData: T | undefined, rootSchema: S): boolean {
      try {
        return interpreter.isValid(schema, formData, rootSchema);
      } catch (error) {
        // validator-ajv8 answers false for a schema it cannot compile, and says why.
        console.warn('Error encountered compiling schema:', error);
        return false;
      }
    },

    toErrorList(errorSchema, fieldPath) {
      return toErrorList<T>(errorSchema, fieldPath);
    },

    reset() {
      interpreter.reset();
    },
  };
  return validator;
}
