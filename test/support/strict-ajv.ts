/** ajv at its strictest, for proving a schema is clean: every warning it would log is collected. */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { cpuTime } from './cpu-time';

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

/** `strictAjvProblems` and the CPU time the compile took (see `cpuTime`). */
export function timedStrictAjvProblems(schema: object): { problems: string[]; cpuMs: number } {
  const { value, cpuMs } = cpuTime(() => strictAjvProblems(schema));
  return { problems: value, cpuMs };
}
