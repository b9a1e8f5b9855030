/** ajv at its strictest, for proving a schema is clean: every warning it would log is collected. */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

export function strictAjv(): { ajv: Ajv; warnings: string[] } {
  const warnings: string[] = [];
  const record = (...parts: unknown[]) => warnings.push(parts.map(String).join(' '));
  const ajv = new Ajv({ strict: true, allErrors: true, logger: { log: () => undefined, warn: record, error: record } });
  addFormats(ajv);
  return { ajv, warnings };
}

/** Compiles `schema` strictly: the warnings and compile errors, none for a clean schema. */
export function strictAjvProblems(schema: object): string[] {
  const { ajv, warnings } = strictAjv();
  try {
    ajv.compile(schema);
  } catch (error) {
    warnings.push((error as Error).message);
  }
  return warnings;
}
