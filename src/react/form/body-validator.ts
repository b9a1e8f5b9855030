/**
 * Validation of the body as it will be sent, with any rjsf `ValidatorType` (ajv by
 * default; one that never generates code under a strict CSP; or the host's), worded
 * by the core (`describeValidationIssues`): every message names its field, and the
 * problems come in on-screen order.
 */
import type { CustomValidator, ErrorTransformer, FormContextType, RJSFSchema, RJSFValidationError, UiSchema, ValidatorType } from '@rjsf/utils';
import { type ErrorTree, type Formatters, type TrackstarMessages, type ValidationIssue, type ValidationProblem } from '../../core';
import { describeValidationIssues } from '../../core/internal';

export interface BodyValidatorOptions {
  validator: ValidatorType;
  schema: RJSFSchema;
  uiSchema: UiSchema | undefined;
  messages: TrackstarMessages;
  formatters: Formatters;
  /** rjsf's `customValidate`: extra checks of the host's, given the body and an error builder. */
  customValidate?: CustomValidator<unknown, RJSFSchema, FormContextType> | undefined;
  /** rjsf's `transformErrors`: a message the host rewrites is shown as the host wrote it. */
  transformErrors?: ErrorTransformer<unknown, RJSFSchema, FormContextType> | undefined;
}

/** `.line_items.0.sku` → `["line_items", "0", "sku"]`. */
function pathOf(error: RJSFValidationError): string[] {
  return (error.property ?? '').split('.').filter(Boolean);
}

export function createBodyValidator(options: BodyValidatorOptions) {
  return (body: Record<string, unknown>): { errors: ErrorTree; problems: readonly ValidationProblem[] } => {
    const hostWorded = new Set<RJSFValidationError>();
    const transform: ErrorTransformer<unknown, RJSFSchema, FormContextType> | undefined = options.transformErrors
      ? (errors, uiSchema) => {
          const before = new Map(errors.map((error) => [error, error.message]));
          const after = options.transformErrors!(errors, uiSchema);
          for (const error of after) if (!before.has(error) || before.get(error) !== error.message) hostWorded.add(error);
          return after;
        }
      : undefined;
    const { errors } = options.validator.validateFormData(body, options.schema, options.customValidate, transform, options.uiSchema);
    const issues: ValidationIssue[] = errors.map((error) => ({
      path: pathOf(error),
      // An error without a keyword comes from `customValidate`; its message is the host's.
      keyword: hostWorded.has(error) || !error.name ? 'custom' : error.name,
      params: (error.params ?? {}) as Record<string, unknown>,
      message: error.message ?? error.stack,
    }));
    const worded = describeValidationIssues(issues, {
      schema: options.schema as Record<string, unknown>,
      uiSchema: options.uiSchema as Record<string, unknown> | undefined,
      messages: options.messages,
      formatters: options.formatters,
    });
    return worded;
  };
}
