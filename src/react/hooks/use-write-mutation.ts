/**
 * The write as a react-query mutation (so `useIsMutating` and devtools see it, under
 * `trackstarQueryKeys.write`), handed to a write control as its `send`. The control
 * decides when to send and with which key; this only sends. Both `TrackstarWriteForm`
 * and `useTrackstarWrite` use it.
 */
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { type ResolvedWriteOperation, type SendRequest, type TrackstarApiError, type WriteSuccess, performWrite, trackstarQueryKeys } from '../../core';
import { useTrackstarContext } from '../context';

export interface UseWriteMutationOptions {
  operation: Pick<ResolvedWriteOperation, 'action' | 'method' | 'pathTemplate' | 'integrationType'>;
  integrationName: string;
  pathParams?: Record<string, string | number> | undefined;
}

/** A stable `send` for `createWriteFormControl`; it always writes with the latest operation and path params. */
export function useWriteMutation(options: UseWriteMutationOptions): (request: SendRequest) => Promise<WriteSuccess> {
  const { client, queryClient } = useTrackstarContext();
  const latest = useRef(options);
  latest.current = options;
  const { operation, integrationName } = options;
  const mutation = useMutation<WriteSuccess, TrackstarApiError | Error, SendRequest>(
    {
      mutationKey: trackstarQueryKeys.write(client.baseUrl, operation.integrationType, integrationName, operation.action),
      retry: false,
      mutationFn: ({ body, idempotencyKey, onRateLimited }) =>
        performWrite({ client, operation: latest.current.operation, pathParams: latest.current.pathParams, body, idempotencyKey, onRateLimited }),
    },
    queryClient,
  );
  const mutate = useRef(mutation.mutateAsync);
  mutate.current = mutation.mutateAsync;
  return useCallback((request: SendRequest) => mutate.current(request), []);
}
