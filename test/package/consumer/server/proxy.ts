/** A Node host's server side, type-checked under node16/nodenext. */
import { createServer } from 'node:http';
import { createTrackstarProxy } from 'trackstar-write-form/server';
import { toNodeListener } from 'trackstar-write-form/server/node';
import { createInPageTrackstar } from 'trackstar-write-form/sandbox';
import { startSandboxServer } from 'trackstar-write-form/sandbox/node';

const proxy = createTrackstarProxy({ apiKey: 'key', basePath: '/api/trackstar', resolveAccessToken: async () => 'token' });
export const server = createServer(toNodeListener(proxy));
// @ts-expect-error apiKey is required
createTrackstarProxy({ basePath: '/api/trackstar' });
export const inPage = createInPageTrackstar({ connection: { integrationType: 'wms', integrationName: 'bluefin' } });
export const start: typeof startSandboxServer = startSandboxServer;
