/**
 * Trackstar Link in the sandbox: link tokens, the auth codes the Link modal yields,
 * their exchange for connections, and those connections' health. The modal's own
 * calls (`/link/session…`) authenticate with the link token alone, as the real
 * modal's do, so a browser may reach them; everything else needs the API key.
 */
import type { IntegrationType } from '../core/actions';
import type { SandboxConnectionError, SandboxIntegration, SandboxLinkedConnection } from './types';

const LINK_TOKEN_LIFETIME_MS = 30 * 60_000;
const AUTH_CODE_LIFETIME_MS = 10 * 60_000;

/** The header the stand-in Link modal authenticates its calls with. */
export const LINK_TOKEN_HEADER = 'x-trackstar-link-token';

/** The seeded connection whose credentials no longer work: reinstall it through Link. */
export const SANDBOX_BROKEN_CONNECTION_ID = 'conn_sandbox_broken';

function randomToken(prefix: string): string {
  return `${prefix}_${Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

interface LinkToken {
  readonly apiKey: string;
  readonly expiresAt: number;
  /** Set for a reinstall: the modal skips the integration list. */
  readonly connectionId: string | undefined;
}

interface AuthCode {
  readonly apiKey: string;
  readonly expiresAt: number;
  readonly integrationType: IntegrationType;
  readonly integrationName: string;
  readonly connectionId: string | undefined;
}

export type LinkOutcome<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

export interface LinkRegistryOptions {
  readonly integrations: readonly SandboxIntegration[];
  readonly now: () => number;
  readonly restored: readonly SandboxLinkedConnection[];
  readonly brokenConnectionCustomerId: string;
  readonly onChange: ((connections: readonly SandboxLinkedConnection[]) => void) | undefined;
}

export class LinkRegistry {
  private readonly linkTokens = new Map<string, LinkToken>();
  private readonly authCodes = new Map<string, AuthCode>();
  private readonly connections = new Map<string, SandboxLinkedConnection>();

  constructor(private readonly options: LinkRegistryOptions) {
    for (const connection of options.restored) this.connections.set(connection.connectionId, connection);
    const brokenIntegration = options.integrations.find((integration) => integration.integrationType === 'wms') ?? options.integrations[0];
    if (brokenIntegration !== undefined && !this.connections.has(SANDBOX_BROKEN_CONNECTION_ID)) {
      this.connections.set(SANDBOX_BROKEN_CONNECTION_ID, {
        connectionId: SANDBOX_BROKEN_CONNECTION_ID,
        accessToken: 'sandbox-conn-broken-credentials',
        integrationType: brokenIntegration.integrationType,
        integrationName: brokenIntegration.integrationName,
        customerId: options.brokenConnectionCustomerId,
        createdAt: new Date(0).toISOString(),
        errors: [
          {
            error_type: 'invalid_credentials',
            resource: null,
            message: 'The provided credentials are no longer valid.',
          },
        ],
      });
    }
  }

  list(): readonly SandboxLinkedConnection[] {
    return [...this.connections.values()];
  }

  get(connectionId: string): SandboxLinkedConnection | undefined {
    return this.connections.get(connectionId);
  }

  byAccessToken(accessToken: string): SandboxLinkedConnection | undefined {
    for (const connection of this.connections.values()) if (connection.accessToken === accessToken) return connection;
    return undefined;
  }

  createLinkToken(apiKey: string, connectionId: string | undefined): LinkOutcome<string> {
    if (connectionId !== undefined && !this.connections.has(connectionId)) {
      return { ok: false, status: 404, error: `Connection ${connectionId} was not found.` };
    }
    const token = randomToken('lt');
    this.linkTokens.set(token, { apiKey, expiresAt: this.options.now() + LINK_TOKEN_LIFETIME_MS, connectionId });
    return { ok: true, value: token };
  }

  /** What the modal shows for a link token: the integrations, or the one connection being reinstalled. */
  session(linkToken: string | undefined): LinkOutcome<{ reinstall: SandboxLinkedConnection | undefined }> {
    const found = this.validLinkToken(linkToken);
    if (!found.ok) return found;
    return { ok: true, value: { reinstall: found.value.connectionId === undefined ? undefined : this.connections.get(found.value.connectionId) } };
  }

  /** The user picked an integration and entered credentials: an auth code for the host to exchange. */
  authorize(linkToken: string | undefined, integrationType: string, integrationName: string, credential: string): LinkOutcome<string> {
    const found = this.validLinkToken(linkToken);
    if (!found.ok) return found;
    const integration = this.options.integrations.find(
      (candidate) => candidate.integrationType === integrationType && candidate.integrationName === integrationName,
    );
    if (integration === undefined) return { ok: false, status: 404, error: `No ${integrationType} integration named "${integrationName}".` };
    const reinstalling = found.value.connectionId === undefined ? undefined : this.connections.get(found.value.connectionId);
    if (reinstalling !== undefined && (reinstalling.integrationName !== integrationName || reinstalling.integrationType !== integrationType)) {
      return { ok: false, status: 400, error: `This link reinstalls a ${reinstalling.integrationName} connection, not ${integrationName}.` };
    }
    if (credential.trim() === '' || /^invalid/i.test(credential.trim())) {
      return { ok: false, status: 401, error: `${integration.displayName} rejected these credentials.` };
    }
    const code = randomToken('ac');
    this.authCodes.set(code, {
      apiKey: found.value.apiKey,
      expiresAt: this.options.now() + AUTH_CODE_LIFETIME_MS,
      integrationType: integration.integrationType,
      integrationName: integration.integrationName,
      connectionId: found.value.connectionId,
    });
    return { ok: true, value: code };
  }

  /** One use per code; a reinstall keeps the connection's id and token and clears its errors. */
  exchange(apiKey: string, authCode: string, customerId: string | null): LinkOutcome<SandboxLinkedConnection> {
    const code = this.authCodes.get(authCode);
    if (code === undefined || code.apiKey !== apiKey || code.expiresAt <= this.options.now()) {
      return { ok: false, status: 400, error: 'Invalid or expired auth code.' };
    }
    this.authCodes.delete(authCode);
    const previous = code.connectionId === undefined ? undefined : this.connections.get(code.connectionId);
    const connection: SandboxLinkedConnection = previous
      ? { ...previous, customerId: customerId ?? previous.customerId, errors: [] }
      : {
          connectionId: randomToken('conn'),
          accessToken: randomToken('sandbox-conn'),
          integrationType: code.integrationType,
          integrationName: code.integrationName,
          customerId,
          createdAt: new Date(this.options.now()).toISOString(),
          errors: [],
        };
    this.connections.set(connection.connectionId, connection);
    this.options.onChange?.(this.list());
    return { ok: true, value: connection };
  }

  clear(): void {
    this.linkTokens.clear();
    this.authCodes.clear();
  }

  private validLinkToken(linkToken: string | undefined): LinkOutcome<LinkToken> {
    const found = linkToken === undefined ? undefined : this.linkTokens.get(linkToken);
    if (found === undefined || found.expiresAt <= this.options.now()) {
      return { ok: false, status: 401, error: 'Missing, invalid or expired link token.' };
    }
    return { ok: true, value: found };
  }
}

/** A connection error in both shapes Trackstar documents (the guide's and the OpenAPI spec's). */
export function describeConnectionError(error: SandboxConnectionError, since: string): Record<string, unknown> {
  return {
    ...error,
    error_message: error.message,
    affected_endpoints: error.resource === null ? [] : [{ endpoint: `GET /wms/${error.resource}`, preventing_sync: error.error_type === 'invalid_credentials' }],
    first_seen: since,
    last_seen: since,
  };
}
