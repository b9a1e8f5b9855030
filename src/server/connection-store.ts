/** What the host keeps about each connected account, per the Trackstar guide's `/store-token`. */

/** A connection as the page may see it: everything but the access token. */
export interface StoredConnection {
  readonly connectionId: string;
  /** The host's customer (from its session) the connection belongs to. */
  readonly customerId: string;
  /** `wms` or `cart`. */
  readonly integrationType: string;
  readonly integrationName: string;
  readonly availableActions: readonly string[];
  /** ISO 8601. */
  readonly createdAt: string;
}

export interface ConnectionToStore {
  readonly connectionId: string;
  readonly customerId: string;
  readonly integrationType: string;
  readonly integrationName: string;
  readonly availableActions: readonly string[];
  /** Long-lived; stored encrypted and only ever sent to Trackstar. */
  readonly accessToken: string;
}

export interface ConnectionStore {
  /** Inserts, or replaces the connection with the same id (a reinstall keeps id and token). */
  save(connection: ConnectionToStore): Promise<StoredConnection>;
  /** The customer's connections, oldest first. */
  list(customerId: string): Promise<StoredConnection[]>;
  /** A connection by id, whoever owns it: ownership checks need to tell "someone else's" from "none". */
  find(connectionId: string): Promise<StoredConnection | undefined>;
  /** The decrypted access token, only when `connectionId` belongs to `customerId`. */
  accessToken(customerId: string, connectionId: string): Promise<string | undefined>;
}
