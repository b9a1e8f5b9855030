/**
 * An answer the host's own code gives instead of forwarding: throw it from
 * `resolveAccessToken` (or any host callback the server helpers call) and the
 * browser gets `status` with `{ error: message, origin: "proxy" }`, nothing upstream.
 *
 * @example
 * throw new ProxyRequestError(403, 'This connection belongs to another customer.');
 */
export class ProxyRequestError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ProxyRequestError';
    this.status = status;
  }
}

export function isProxyRequestError(error: unknown): error is ProxyRequestError {
  return error instanceof ProxyRequestError;
}

/**
 * The database behind a store could not be reached or did not answer in time. The
 * server helpers answer 503 with its message; the request is safe to repeat.
 */
export class StoreUnavailableError extends ProxyRequestError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(503, message);
    this.name = 'StoreUnavailableError';
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
