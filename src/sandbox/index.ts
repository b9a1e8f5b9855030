/**
 * trackstar-write-form/sandbox: a local, Trackstar-compatible write API as a Fetch
 * handler (`Request` → `Response`), with integrations derived from a Trackstar-style
 * OpenAPI spec. Platform-neutral: no Node built-ins here or below.
 */
export { createSandbox, sandboxAccessToken, SANDBOX_API_KEY } from './sandbox';
export { LINK_TOKEN_HEADER, SANDBOX_BROKEN_CONNECTION_ID } from './link';
export { sampleBody } from './sample-body';
export { SANDBOX_SEED_PATH_PARAMS } from './records';
export { FIXTURE_SPEC } from './fixture-spec';
export type {
  ReceivedWrite,
  Sandbox,
  SandboxAction,
  SandboxConnection,
  SandboxConnectionError,
  SandboxIntegration,
  SandboxLinkedConnection,
  SandboxOptions,
} from './types';
export { createInPageTrackstar } from './in-page';
export type { InPageConnection, InPageTrackstar, InPageTrackstarOptions } from './in-page';
