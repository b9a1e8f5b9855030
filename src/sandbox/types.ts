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

/** A request that reached a write endpoint, whatever its outcome. */
export interface ReceivedWrite {
  readonly requestId: string;
  readonly method: string;
  /** The path as requested, e.g. `/wms/orders/ord_1`. */
  readonly path: string;
  readonly action: KnownWriteAction;
  /** `null` when the request carried no valid access token. */
  readonly integrationName: string | null;
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
}

export interface Sandbox {
  fetch(request: Request): Promise<Response>;
  readonly integrations: readonly SandboxIntegration[];
  readonly connections: readonly SandboxConnection[];
  readonly receivedWrites: readonly ReceivedWrite[];
  /** Forgets every record, idempotency key, rate-limit window and received write. */
  reset(): void;
}
