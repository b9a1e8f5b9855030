/**
 * How a story gets its in-page Trackstar: a loader creates one per render (so every
 * story, and every change of its controls, starts from a fresh sandbox), the preview's
 * decorator puts the provider around the story, and play functions read the same
 * instance to check what the sandbox received.
 */
import type { ReactNode } from 'react';
import { TrackstarProvider } from '../../src/index';
import { type StoryTrackstar, type StoryTrackstarOptions, createStoryTrackstar } from './story-trackstar';

export interface TrackstarLoaded {
  trackstar: StoryTrackstar;
}

/** A story loader; `options` may be a function when it needs a value computed per render. */
export function trackstarLoader(options: StoryTrackstarOptions | (() => StoryTrackstarOptions) = {}) {
  return (): TrackstarLoaded => ({ trackstar: createStoryTrackstar(typeof options === 'function' ? options() : options) });
}

function isStoryTrackstar(value: unknown): value is StoryTrackstar {
  return typeof value === 'object' && value !== null && 'sandbox' in value && 'calls' in value && 'fetch' in value;
}

/** The story's in-page Trackstar; throws when the story has no `trackstarLoader`. */
export function storyTrackstar(context: { loaded: Record<string, unknown> }): StoryTrackstar {
  const trackstar = context.loaded.trackstar;
  if (!isStoryTrackstar(trackstar)) throw new Error('This story has no in-page Trackstar: add `loaders: [trackstarLoader(...)]` to it or its meta.');
  return trackstar;
}

export function optionalStoryTrackstar(context: { loaded: Record<string, unknown> }): StoryTrackstar | undefined {
  return isStoryTrackstar(context.loaded.trackstar) ? context.loaded.trackstar : undefined;
}

const providerKeys = new WeakMap<StoryTrackstar, number>();
let nextProviderKey = 0;

/** A new Trackstar (after a control changed) remounts the provider, so no query or form state carries over. */
export function StoryTrackstarProvider({ trackstar, children }: { trackstar: StoryTrackstar; children: ReactNode }) {
  let key = providerKeys.get(trackstar);
  if (key === undefined) providerKeys.set(trackstar, (key = nextProviderKey++));
  return (
    <TrackstarProvider
      key={key}
      baseUrl={trackstar.baseUrl}
      fetch={trackstar.fetch}
      queryClient={trackstar.queryClient}
      draftStorage={trackstar.draftStorage}
    >
      {children}
    </TrackstarProvider>
  );
}
