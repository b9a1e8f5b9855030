export type SchemaErrorCode =
  | 'not-an-object'
  | 'missing-ref'
  | 'invalid-ref'
  | 'external-ref'
  | 'no-root'
  | 'operation-not-found'
  | 'no-request-body'
  | 'too-large'
  | 'invalid-schema';

/**
 * A schema Trackstar (or a host) handed us that cannot become a form. The message
 * is written for the developer reading the error panel, and names the place in
 * the document that is wrong; `pointer` is that place as a JSON pointer into the
 * document that was passed in (e.g. `/definitions/Order/properties/ship_to/$ref`).
 */
export class SchemaError extends Error {
  readonly code: SchemaErrorCode;
  readonly pointer: string | undefined;

  constructor(code: SchemaErrorCode, message: string, pointer?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SchemaError';
    this.code = code;
    this.pointer = pointer;
  }
}

export function isSchemaError(error: unknown): error is SchemaError {
  return error instanceof SchemaError;
}
