import type { UiSchema } from '@rjsf/utils';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  type FormDefinition,
  type FormSchema,
  type IntegrationType,
  type LoadedWriteSchema,
  type ResolvedWriteOperation,
  type SchemaScope,
  type TrackstarApiError,
  SchemaError,
  applyWriteOperation,
  integrationQueryOptions,
  integrationTypeOf,
  isSchemaError,
  isTrackstarApiError,
  resolveWriteOperation,
  writeSchemaQueryOptions,
} from '../../core';
import { useTrackstarContext } from '../context';

export interface UseWriteSchemaOptions {
  action: string;
  integrationName: string;
  /** Derived from the action when omitted. */
  integrationType?: IntegrationType;
  /** Overrides the provider's `schemaScope` for this form. */
  schemaScope?: SchemaScope;
}

export interface IntegrationSummary {
  integrationName: string;
  /** e.g. "ShipHero"; falls back to the integration name until `/integrations` answers. */
  displayName: string;
}

export type WriteSchemaState =
  | { status: 'loading'; integration: IntegrationSummary }
  | { status: 'unsupported'; integration: IntegrationSummary; message: string; availableActions: string[] }
  | { status: 'error'; integration: IntegrationSummary; error: TrackstarApiError | Error; retry: () => void; isRetrying: boolean }
  | { status: 'invalid-schema'; integration: IntegrationSummary; error: SchemaError }
  | {
      status: 'ready';
      integration: IntegrationSummary;
      schema: FormSchema;
      /** Presentation derived from the schema (labels of enums, order, hints); the host's uiSchema wins over it. */
      uiSchema: UiSchema;
      operation: ResolvedWriteOperation;
      /** Some options depend on the connected account and show a hint instead (integration scope). */
      hasConnectionSpecificFields: boolean;
      source: LoadedWriteSchema['source'];
    };

/**
 * Everything a form needs before it can render: the integration's write operations
 * and the action's body schema, fetched in parallel, normalized once and shared by
 * every form on the page that shows the same action.
 */
export function useWriteSchema(options: UseWriteSchemaOptions): WriteSchemaState {
  const { client, queryClient, schemaScope: providerScope } = useTrackstarContext();
  const integrationType = options.integrationType ?? integrationTypeOf(options.action);
  const scope = options.schemaScope ?? providerScope;
  const integrationQuery = useQuery(integrationQueryOptions(client, integrationType, options.integrationName), queryClient);
  const schemaQuery = useQuery(
    writeSchemaQueryOptions(client, { action: options.action, integrationType, integrationName: options.integrationName, scope }),
    queryClient,
  );

  const info = integrationQuery.data;
  const integration = useMemo<IntegrationSummary>(
    () => ({ integrationName: options.integrationName, displayName: info?.display_name || options.integrationName }),
    [info?.display_name, options.integrationName],
  );
  const resolution = useMemo(
    () => resolveWriteOperation(options.action, integrationType, info),
    [options.action, integrationType, info],
  );
  const loaded = schemaQuery.data;
  const writeOperation = resolution.supported ? resolution.operation.writeOperation : undefined;
  const merged = useMemo((): FormDefinition | { error: SchemaError } | undefined => {
    if (!loaded) return undefined;
    const definition: FormDefinition = { schema: loaded.schema, uiSchema: loaded.uiSchema };
    if (!writeOperation) return definition;
    try {
      return applyWriteOperation(definition, writeOperation, loaded.method);
    } catch (error) {
      return { error: isSchemaError(error) ? error : new SchemaError('invalid-schema', String(error)) };
    }
  }, [loaded, writeOperation]);

  // Support is decided first: the integration's own write_operations, then a 501 from the schema request.
  if (!resolution.supported) {
    return { status: 'unsupported', integration, message: resolution.reason, availableActions: resolution.availableActions };
  }
  // A failed background refetch keeps the data it had: a form in use is never taken away from under the operator.
  const schemaError = loaded ? undefined : (schemaQuery.error as unknown);
  if (isTrackstarApiError(schemaError) && schemaError.kind === 'not-supported') {
    return { status: 'unsupported', integration, message: schemaError.message, availableActions: [] };
  }
  // Waiting for `/integrations` too avoids showing a form that its write_operations then take away.
  if (integrationQuery.isPending || schemaQuery.isPending) return { status: 'loading', integration };
  if (schemaError) {
    if (isSchemaError(schemaError)) return { status: 'invalid-schema', integration, error: schemaError };
    return {
      status: 'error',
      integration,
      error: schemaError instanceof Error ? schemaError : new Error(String(schemaError)),
      retry: () => void schemaQuery.refetch(),
      isRetrying: schemaQuery.isFetching,
    };
  }
  if (!merged || !loaded) return { status: 'loading', integration };
  if ('error' in merged) return { status: 'invalid-schema', integration, error: merged.error };
  return {
    status: 'ready',
    integration,
    schema: merged.schema,
    uiSchema: merged.uiSchema as UiSchema,
    operation: resolution.operation,
    hasConnectionSpecificFields: loaded.hasConnectionSpecificFields,
    source: loaded.source,
  };
}
