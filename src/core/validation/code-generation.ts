let allowed: boolean | undefined;

/**
 * Whether this realm may turn strings into code (`new Function`), which ajv needs to
 * compile a schema. A Content-Security-Policy without `'unsafe-eval'`, Trusted Types,
 * Node's `--disallow-code-generation-from-strings` and some edge runtimes forbid it.
 * Asked once, on first use rather than at import (so server rendering never asks): under a
 * CSP the probe itself is refused and the browser records that one violation.
 */
export function canGenerateCode(): boolean {
  if (allowed === undefined) {
    try {
      allowed = new Function('return true')() === true;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}
