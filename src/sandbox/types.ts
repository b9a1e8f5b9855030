import type { IntegrationType, KnownWriteAction, WriteMethod } from '../core/actions';
import type { JsonValue } from '../core/types';

/** One write action an integration implements, with the request schema that describes its body. */
export interface SandboxAction {
  readonly action: KnownWriteAction;
  readonly method: WriteMethod;
  /** Path template, e.g. `/wms/orders/{order_id}`. */
  readonly path: string;
  /** Key of the request schema in `components.schemas`, e.g. `CreatewmsOrder--Bluefin_WMS--`. */
  readonly schemaName: string;
}

/** An integration as the spec describes it. Identity is (integrationType, integrationName). */
export interface SandboxIntegration {
  readonly integrationType: IntegrationType;
  readonly integrationName: string;
  readonly displayName: string;
  readonly actions: readonly SandboxAction[];
}

/** A connected account the sandbox accepts as `x-trackstar-access-token`. */
export interface SandboxConnection {
  readonly accessToken: string;
  readonly integrationType: IntegrationType;
  readonly integrationName: string;
  readonly displayName: string;
  /** Writes through a read-only connection answer 403. */
  readonly writesDisabled: boolean;
}

/** A problem Trackstar reports on a connection (`GET /connections/{id}` `errors`). */
export interface SandboxConnectionError {
  /** `invalid_credentials` blocks everything; `missing_permission` only `resource`. */
  readonly error_type: 'invalid_credentials' | 'missing_permission';
  readonly resource: string | null;
  readonly message: string;
}

/** A connection made through Trackstar Link (the sandbox's stand-in modal and `POST /link/exchange`). */
export interface SandboxLinkedConnection {
  readonly connectionId: string;
  readonly accessToken: string;
  readonly integrationType: IntegrationType;
  readonly integrationName: string;
  readonly customerId: string | null;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly errors: readonly SandboxConnectionError[];
}

/** A request that reached a write endpoint, whatever its outcome. */
export interface ReceivedWrite {
  readonly requestId: string;
  readonly method: string;
  /** The path as requested, e.g. `/wms/orders/ord_1`. */
  readonly path: string;
  readonly action: KnownWriteAction;
  /** `null` when the request carried no valid access token. */
  readonly integrationName: string | null;
  /** The Link connection whose token the write carried; `null` for the fixed `sandboxAccessToken` connections. */
  readonly connectionId: string | null;
  readonly idempotencyKey: string | null;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body: JsonValue;
  readonly status: number;
  /** True when an Idempotency-Key replay answered without writing. */
  readonly replayed: boolean;
}

export interface SandboxOptions {
  /** A Trackstar-style OpenAPI document; defaults to the embedded fixture. */
  spec?: unknown;
  /** Accepted `x-trackstar-api-key` values; defaults to `[SANDBOX_API_KEY]`. */
  apiKeys?: string[];
  /** Clock for the rate limiter, in milliseconds. */
  now?: () => number;
  /** Delay before a write completes, so a test can observe the 409 of a request still in flight. Defaults to 0. */
  writeLatencyMs?: number;
  /** Window of the one-call rate limit of `GET /integrations/...`; `false` disables it. Defaults to 60 000. */
  integrationsRateLimitWindowMs?: number | false;
  /** Link connections to start with, e.g. as saved from `onLinkedConnectionsChange` before a restart. */
  linkedConnections?: readonly SandboxLinkedConnection[];
  /** Called after every exchange with all Link connections, so a host can keep them across restarts. */
  onLinkedConnectionsChange?: (connections: readonly SandboxLinkedConnection[]) => void;
  /** `customer_id` of the seeded connection with invalid credentials. Default `sandbox-customer`. */
  brokenConnectionCustomerId?: string;
}

export interface Sandbox {
  fetch(request: Request): Promise<Response>;
  readonly integrations: readonly SandboxIntegration[];
  readonly connections: readonly SandboxConnection[];
  readonly receivedWrites: readonly ReceivedWrite[];
  /** Connections made through Link, plus the seeded broken one (`SANDBOX_BROKEN_CONNECTION_ID`). */
  readonly linkedConnections: readonly SandboxLinkedConnection[];
  /** Forgets every record, idempotency key, rate-limit window, received write and unused link token; Link connections stay. */
  reset(): void;
}
