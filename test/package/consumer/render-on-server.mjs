/**
 * Server rendering the way a Next.js or Remix page would: prefetch the form's queries
 * with the core's query options (here against the in-page sandbox), then render the
 * provider and the form with react-dom/server. Plain Node: no window, no document.
 * Prints `{ html }` as JSON, and must then exit by itself: nothing the render started
 * (a cache timer) may hold a server process open.
 */
import { QueryClient } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { TrackstarProvider, TrackstarWriteForm } from 'trackstar-write-form';
import { createTrackstarClient, integrationQueryOptions, writeSchemaQueryOptions } from 'trackstar-write-form/core';
import { createInPageTrackstar } from 'trackstar-write-form/sandbox';

if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('This check must run without a DOM.');

const trackstar = createInPageTrackstar({ connection: { integrationType: 'wms', integrationName: 'bluefin' } });
const client = createTrackstarClient({ baseUrl: trackstar.baseUrl, fetch: trackstar.fetch });
const queryClient = new QueryClient();
await Promise.all([
  queryClient.prefetchQuery(integrationQueryOptions(client, 'wms', 'bluefin')),
  queryClient.prefetchQuery(
    writeSchemaQueryOptions(client, { action: 'create_order', integrationType: 'wms', integrationName: 'bluefin', scope: 'connection' }),
  ),
]);
const html = renderToString(
  createElement(TrackstarProvider, {
    baseUrl: trackstar.baseUrl,
    fetch: trackstar.fetch,
    queryClient,
    children: createElement(TrackstarWriteForm, { action: 'create_order', integrationName: 'bluefin' }),
  }),
);
process.stdout.write(JSON.stringify({ html }));
