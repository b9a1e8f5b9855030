import { useQuery } from '@tanstack/react-query';
import { type TrackstarApiError, recordQueryOptions } from '../../core';
import { fillPathTemplate, recordPathTemplate } from '../../core/internal';
import { useTrackstarContext } from '../context';

export type RecordState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'ready'; record: Record<string, unknown> }
  | { status: 'error'; error: TrackstarApiError | Error; retry: () => void; isRetrying: boolean };

/**
 * The record an update form starts from: `GET` of the path the update writes to
 * (`update_order` with `{ order_id }` → `GET /wms/orders/{order_id}`). `off` for
 * actions that update no record, without the path params, or when `enabled` is false.
 */
export function useRecord(action: string, pathParams: Readonly<Record<string, string | number>> | undefined, enabled: boolean): RecordState {
  const { client, queryClient } = useTrackstarContext();
  const template = recordPathTemplate(action);
  let path: string | undefined;
  try {
    path = enabled && template ? fillPathTemplate(template, pathParams) : undefined;
  } catch {
    path = undefined;
  }
  const query = useQuery({ ...recordQueryOptions(client, path ?? ''), enabled: path !== undefined }, queryClient);
  if (path === undefined) return { status: 'off' };
  if (query.data) return { status: 'ready', record: query.data };
  if (query.error) return { status: 'error', error: query.error, retry: () => void query.refetch(), isRetrying: query.isFetching };
  return { status: 'loading' };
}
