import type { QueryClient } from '@tanstack/react-query';
import type { Registry, ValidatorType } from '@rjsf/utils';
import { createContext, useContext } from 'react';
import type { Formatters, SchemaScope, TrackstarClient, TrackstarMessages } from '../core';

export interface TrackstarContextValue {
  client: TrackstarClient;
  /** The QueryClient the library's queries and writes use: the host's (given or enclosing), or its own. */
  queryClient: QueryClient;
  schemaScope: SchemaScope;
  /** Where drafts are kept; `undefined` disables them (server rendering, or storage blocked). */
  draftStorage: Storage | undefined;
  messages: TrackstarMessages;
  formatters: Formatters;
  /** rjsf's translator for rjsf's own strings, when the host gave one. */
  translateString: Registry['translateString'] | undefined;
  /** The validator every form uses unless it is given its own. */
  validator: ValidatorType | undefined;
}

export const TrackstarContext = createContext<TrackstarContextValue | null>(null);

export function useTrackstarContext(): TrackstarContextValue {
  const value = useContext(TrackstarContext);
  if (value === null) {
    throw new Error('trackstar-write-form: wrap your form in <TrackstarProvider baseUrl="/api/trackstar">.');
  }
  return value;
}

export function useTrackstarClient(): TrackstarClient {
  return useTrackstarContext().client;
}
