/**
 * Integration-level schemas cannot list options that depend on the customer's
 * account (warehouses, carriers, return causes), so Trackstar puts a single
 * hint in the enum instead: "N/A - Connect an account to see options". Such a
 * value is an instruction for a person, never a value to send.
 */

const PLACEHOLDER_PATTERNS = [/^\s*n\/a\b/i, /\bconnect an account\b/i];

export function isPlaceholderValue(value: unknown): value is string {
  return typeof value === 'string' && PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(value));
}

/** An enum whose every option is a placeholder: there is nothing the operator can pick. */
export function isPlaceholderEnum(values: unknown): values is string[] {
  return Array.isArray(values) && values.length > 0 && values.every(isPlaceholderValue);
}

/** The sentence to show in place of options, e.g. "Connect an account to see options". */
export function placeholderHint(values: readonly unknown[]): string {
  const text = values.find(isPlaceholderValue) ?? 'Connect an account to see options';
  const withoutNa = text.replace(/^\s*n\/a\s*(-\s*)?/i, '').trim();
  return withoutNa === '' ? 'Connect an account to see options' : withoutNa;
}
