import { createContext, useContext } from 'react';
import type { TrackstarClient } from '../core/client';
import type { SchemaScope } from '../core/queries';

export interface TrackstarContextValue {
  client: TrackstarClient;
  schemaScope: SchemaScope;
  /** Where drafts are kept; `undefined` disables them (server rendering, or storage blocked). */
  draftStorage: Storage | undefined;
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
