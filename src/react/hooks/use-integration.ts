import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { type IntegrationInfo, type IntegrationType, integrationQueryOptions, integrationsQueryOptions } from '../../core';
import { useTrackstarContext } from '../context';

/** One integration's info (errors are `TrackstarApiError`s) (`GET /integrations/{type}/{name}`), shared by every form on the page and cached for a minute. */
export function useIntegration(
  integrationType: IntegrationType,
  integrationName: string,
  options: { enabled?: boolean } = {},
): UseQueryResult<IntegrationInfo, Error> {
  const { client, queryClient } = useTrackstarContext();
  return useQuery<IntegrationInfo, Error>({ ...integrationQueryOptions(client, integrationType, integrationName), enabled: options.enabled ?? true }, queryClient);
}

/** Every integration of a type (`GET /integrations/{type}`), e.g. to let an operator pick one. */
export function useIntegrations(integrationType: IntegrationType): UseQueryResult<IntegrationInfo[], Error> {
  const { client, queryClient } = useTrackstarContext();
  return useQuery<IntegrationInfo[], Error>(integrationsQueryOptions(client, integrationType), queryClient);
}
