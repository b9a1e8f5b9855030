/** Shared by the sandbox tests: spec loading, a small HTTP client and a strict ajv. */

import { readFileSync } from 'node:fs';


import { WRITE_ACTIONS, fillPathTemplate, pathParamNames } from '../../src/core/actions';
import { toFormSchema } from '../../src/core/schema/to-form-schema';
import type { FormSchema, JsonValue, MetaSchemaDocument, OpenApiDocument } from '../../src/core/types';
import { SANDBOX_API_KEY, SANDBOX_SEED_PATH_PARAMS, sandboxAccessToken, type Sandbox, type SandboxAction, type SandboxIntegration } from '../../src/sandbox';

export const BASE_URL = 'http://trackstar.test';

/** Path of the real Trackstar spec. Cases that need it are skipped, with a note, when it is unset. */
export const REAL_SPEC_PATH = process.env.TRACKSTAR_OPENAPI_SPEC || undefined;

/**
 * Deadline for a case that walks every integration of the real spec (hundreds of schemas
 * compiled): seconds on a quiet machine, far more on a busy one. Not a budget.
 */
export const REAL_SPEC_TIMEOUT_MS = 120_000;

/** A suite run against the real spec only when TRACKSTAR_OPENAPI_SPEC names it; says so when it is skipped. */
export function describeRealSpec(file: string, suite: () => void): void {
  const name = 'against the real spec (TRACKSTAR_OPENAPI_SPEC)';
  if (!REAL_SPEC_PATH) console.info(`${file}: TRACKSTAR_OPENAPI_SPEC is not set, so "${name}" is skipped; the fixture cases still run.`);
  describe.skipIf(!REAL_SPEC_PATH)(name, suite);
}

let realSpec: OpenApiDocument | undefined;
export function loadRealSpec(): OpenApiDocument {
  if (!REAL_SPEC_PATH) throw new Error('TRACKSTAR_OPENAPI_SPEC is not set.');
  realSpec ??= JSON.parse(readFileSync(REAL_SPEC_PATH, 'utf8')) as OpenApiDocument;
  return realSpec;
}

export interface CallOptions {
  method?: string;
  token?: string;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
  headers?: Record<string, string>;
  apiKey?: string | null;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: JsonValue;
}

export async function call(sandbox: Pick<Sandbox, 'fetch'>, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey !== null) headers['x-trackstar-api-key'] = options.apiKey ?? SANDBOX_API_KEY;
  if (options.token !== undefined) headers['x-trackstar-access-token'] = options.token;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await sandbox.fetch(new Request(BASE_URL + path, { method: options.method ?? 'GET', headers, body }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as JsonValue) };
}

export function tokenOf(integration: Pick<SandboxIntegration, 'integrationType' | 'integrationName'>): string {
  return sandboxAccessToken(integration.integrationType, integration.integrationName);
}


export function seededPath(action: Pick<SandboxAction, 'path'>): string {
  return fillPathTemplate(action.path, Object.fromEntries(pathParamNames(action.path).map((name) => [name, SANDBOX_SEED_PATH_PARAMS[name] ?? 'missing'])));
}

/**
 * The connection-level form schema of an action, as a host would build it: from
 * `/meta` when the action has a meta resource, else from write-info with a token.
 */
export async function connectionFormSchema(sandbox: Sandbox, integration: SandboxIntegration, action: SandboxAction): Promise<FormSchema> {
  const definition = WRITE_ACTIONS[action.action];
  const token = tokenOf(integration);
  if (definition.metaResource !== null) {
    const meta = await call(sandbox, `/${definition.integrationType}/${definition.metaResource}/meta?method=${definition.method}`, { token });
    if (meta.status !== 200) throw new Error(`meta answered ${meta.status}: ${JSON.stringify(meta.body)}`);
    return toFormSchema(meta.body as MetaSchemaDocument, { method: definition.method });
  }
  const writeInfo = await call(sandbox, `/integrations/${integration.integrationType}/${integration.integrationName}/write-info`, { token });
  if (writeInfo.status !== 200) throw new Error(`write-info answered ${writeInfo.status}: ${JSON.stringify(writeInfo.body)}`);
  return toFormSchema({ document: writeInfo.body as unknown as OpenApiDocument, operation: { operationId: action.action } }, { method: definition.method });
}

export { strictAjv } from '../support/strict-ajv';

export function asRecord(value: JsonValue | undefined): Record<string, JsonValue> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`Expected an object, got ${JSON.stringify(value)}`);
  return value;
}
