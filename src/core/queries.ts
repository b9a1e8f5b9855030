/**
 * Query descriptions (key and fetcher) for everything the library reads, plus the
 * cache and retry policy as *defaults by key* (`trackstarQueryDefaults`). The policy
 * is kept out of the per-query options on purpose: TanStack Query lets per-query
 * options beat `setQueryDefaults`, so a host could not change a policy passed per
 * query. Registered as defaults, the host's own `setQueryDefaults` wins.
 */
import { type IntegrationType, type WriteMethod, getWriteActionDefinition } from './actions';
import { isTrackstarApiError } from './api-error';
import type { TrackstarClient } from './client';
import { type FormSchemaSource, toFormDefinition } from './schema/to-form-schema';
import type { FormUiSchema } from './schema/ui-schema';
import type { FormSchema, IntegrationInfo } from './types';

/**
 * `connection`: the schema of the connection behind the proxy's access token, with
 * its real options (warehouses, shipping methods). `integration`: the integration's
 * generic schema, whose account-dependent options are placeholders.
 */
export type SchemaScope = 'connection' | 'integration';

/** `/integrations` is rate limited to one call a minute; an answer younger than that is never refetched. */
export const INTEGRATION_STALE_TIME_MS = 60_000;
const SCHEMA_STALE_TIME_MS = 5 * 60_000;
const GC_TIME_MS = 15 * 60_000;
const MAX_READ_RETRIES = 3;

export const trackstarQueryKeys = {
  all: (baseUrl: string) => ['trackstar-write-form', baseUrl] as const,
  integrations: (baseUrl: string, integrationType: IntegrationType) =>
    [...trackstarQueryKeys.all(baseUrl), 'integrations', integrationType] as const,
  integration: (baseUrl: string, integrationType: IntegrationType, integrationName: string) =>
    [...trackstarQueryKeys.all(baseUrl), 'integration', integrationType, integrationName] as const,
  writeSchema: (baseUrl: string, params: WriteSchemaParams) =>
    [
      ...trackstarQueryKeys.all(baseUrl),
      'write-schema',
      params.integrationType,
      params.integrationName,
      params.action,
      params.scope,
    ] as const,
  /** A record an update form is prefilled from, by its filled path (`/wms/orders/ord_1`). */
  record: (baseUrl: string, path: string) => [...trackstarQueryKeys.all(baseUrl), 'record', path] as const,
  /** The write mutation's key (`useMutationState({ filters: { mutationKey } })`, `useIsMutating`, `setMutationDefaults`). */
  write: (baseUrl: string, integrationType: IntegrationType, integrationName: string, action: string) =>
    [...trackstarQueryKeys.all(baseUrl), 'write', integrationType, integrationName, action] as const,
};

/** Reads retry what may succeed later (no answer, 5xx, 429) with backoff; a bad schema or a 4xx never is. */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (!isTrackstarApiError(error)) return false;
  if (error.kind !== 'network' && error.kind !== 'timeout' && error.kind !== 'server' && error.kind !== 'rate-limited') return false;
  return failureCount < MAX_READ_RETRIES;
}

export function readRetryDelay(failureCount: number, error: unknown): number {
  if (isTrackstarApiError(error) && error.retryAfter !== undefined) return error.retryAfter * 1000;
  const base = Math.min(500 * 2 ** failureCount, 8_000);
  return base + Math.floor(Math.random() * 250);
}

/** What every read of the library does by default: retry what may succeed later, keep answers a while, never refetch on focus. */
export const TRACKSTAR_READ_POLICY = {
  retry: shouldRetryRead,
  retryDelay: readRetryDelay,
  // Only in a browser: on a server, react-query keeps a query as long as its client (gcTime Infinity, no
  // timer), whereas a 15-minute timer per server render holds the data, and Node or Jest, open that long.
  gcTime: typeof window === 'undefined' ? Infinity : GC_TIME_MS,
  refetchOnWindowFocus: false,
} as const;

export interface TrackstarQueryDefault {
  queryKey: readonly unknown[];
  options: {
    retry?: typeof shouldRetryRead | boolean | number;
    retryDelay?: typeof readRetryDelay;
    gcTime?: number;
    staleTime?: number;
    refetchOnWindowFocus?: boolean;
  };
}

/**
 * The library's read policy for one `baseUrl`, from the most generic key to the most
 * specific (the order TanStack Query merges defaults in). `/integrations` answers are
 * fresh for a minute because Trackstar allows one call a minute; a record an update
 * form starts from is never reused stale.
 */
export function trackstarQueryDefaults(baseUrl: string): TrackstarQueryDefault[] {
  const all = trackstarQueryKeys.all(baseUrl);
  return [
    { queryKey: all, options: { ...TRACKSTAR_READ_POLICY } },
    { queryKey: [...all, 'integrations'], options: { staleTime: INTEGRATION_STALE_TIME_MS } },
    { queryKey: [...all, 'integration'], options: { staleTime: INTEGRATION_STALE_TIME_MS } },
    { queryKey: [...all, 'write-schema'], options: { staleTime: SCHEMA_STALE_TIME_MS } },
    { queryKey: [...all, 'record'], options: { staleTime: 0, gcTime: 0 } },
  ];
}

export function integrationQueryOptions(client: TrackstarClient, integrationType: IntegrationType, integrationName: string) {
  return {
    queryKey: trackstarQueryKeys.integration(client.baseUrl, integrationType, integrationName),
    queryFn: ({ signal }: { signal?: AbortSignal }): Promise<IntegrationInfo> => client.getIntegration(integrationType, integrationName, signal),
  };
}

export function integrationsQueryOptions(client: TrackstarClient, integrationType: IntegrationType) {
  return {
    queryKey: trackstarQueryKeys.integrations(client.baseUrl, integrationType),
    queryFn: ({ signal }: { signal?: AbortSignal }): Promise<IntegrationInfo[]> => client.listIntegrations(integrationType, signal),
  };
}

/** The current record an update form starts from (`GET` of the path the update writes to). */
export function recordQueryOptions(client: TrackstarClient, path: string) {
  return {
    queryKey: trackstarQueryKeys.record(client.baseUrl, path),
    queryFn: ({ signal }: { signal?: AbortSignal }): Promise<Record<string, unknown>> => client.getRecord(path, signal),
  };
}

export interface WriteSchemaParams {
  action: string;
  integrationType: IntegrationType;
  integrationName: string;
  scope: SchemaScope;
}

export interface LoadedWriteSchema {
  /** Normalized draft-07 schema, before `write_operations` are merged in. */
  schema: FormSchema;
  /**
   * The uiSchema generated with it (labels, order, markdown, inputs). Pass `{ schema, uiSchema }`
   * to `applyWriteOperation` to fold `write_operations` into both, and render with
   * `mergeUiSchema(uiSchema, hostUiSchema)`.
   */
  uiSchema: FormUiSchema;
  source: 'meta' | 'write-info';
  method: WriteMethod;
  /** The integration-level `/meta` says options depend on the connected account. */
  hasConnectionSpecificFields: boolean;
}

/**
 * Fetches and normalizes the body schema of one action: `/meta` for resources
 * that have it, the integration's write-info (OpenAPI 3.1) for the others.
 */
export async function loadWriteSchema(
  client: TrackstarClient,
  params: WriteSchemaParams,
  signal?: AbortSignal,
): Promise<LoadedWriteSchema> {
  const definition = getWriteActionDefinition(params.action);
  const method: WriteMethod = definition?.method ?? 'POST';
  if (definition?.metaResource) {
    const meta = await client.getMetaSchema(params.integrationType, definition.metaResource, {
      method,
      integrationName: params.scope === 'integration' ? params.integrationName : undefined,
      signal,
    });
    return {
      ...toFormDefinition(meta, { method }),
      source: 'meta',
      method,
      hasConnectionSpecificFields: meta.has_connection_specific_fields === true,
    };
  }
  const document = await client.getWriteInfo(params.integrationType, params.integrationName, signal);
  const source: FormSchemaSource = {
    document,
    operation: hasOperationId(document, params.action) || !definition
      ? { operationId: params.action }
      : { method, path: definition.path },
  };
  return { ...toFormDefinition(source, { method }), source: 'write-info', method, hasConnectionSpecificFields: false };
}

function hasOperationId(document: { paths?: Record<string, Record<string, unknown>> }, operationId: string): boolean {
  return Object.values(document.paths ?? {}).some((item) =>
    Object.values(item ?? {}).some(
      (operation) => typeof operation === 'object' && operation !== null && (operation as { operationId?: unknown }).operationId === operationId,
    ),
  );
}

export function writeSchemaQueryOptions(client: TrackstarClient, params: WriteSchemaParams) {
  return {
    queryKey: trackstarQueryKeys.writeSchema(client.baseUrl, params),
    queryFn: ({ signal }: { signal?: AbortSignal }): Promise<LoadedWriteSchema> => loadWriteSchema(client, params, signal),
  };
}
