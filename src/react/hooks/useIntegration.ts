import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { IntegrationType } from '../../core/actions';
import { integrationQueryOptions, integrationsQueryOptions } from '../../core/queries';
import type { IntegrationInfo } from '../../core/types';
import { useTrackstarClient } from '../context';

/** One integration's info (errors are `TrackstarApiError`s) (`GET /integrations/{type}/{name}`), shared by every form on the page and cached for a minute. */
export function useIntegration(
  integrationType: IntegrationType,
  integrationName: string,
  options: { enabled?: boolean } = {},
): UseQueryResult<IntegrationInfo, Error> {
  const client = useTrackstarClient();
  return useQuery<IntegrationInfo, Error>({ ...integrationQueryOptions(client, integrationType, integrationName), enabled: options.enabled ?? true });
}

/** Every integration of a type (`GET /integrations/{type}`), e.g. to let an operator pick one. */
export function useIntegrations(integrationType: IntegrationType): UseQueryResult<IntegrationInfo[], Error> {
  const client = useTrackstarClient();
  return useQuery<IntegrationInfo[], Error>(integrationsQueryOptions(client, integrationType));
}
