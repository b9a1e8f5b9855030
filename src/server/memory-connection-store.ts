import type { ConnectionStore, ConnectionToStore, StoredConnection } from './connection-store';

/**
 * Connections in this process only: for tests, stories and in-page setups where a
 * database would be in the way. Nothing survives a restart and tokens are held in
 * plain memory; use `createTrackstarStores` on a database for anything real.
 */
export function createMemoryConnectionStore(): ConnectionStore {
  const rows = new Map<string, { connection: StoredConnection; accessToken: string }>();
  return {
    async save(connection: ConnectionToStore) {
      const { accessToken, ...details } = connection;
      const stored: StoredConnection = {
        ...details,
        availableActions: [...details.availableActions],
        createdAt: rows.get(connection.connectionId)?.connection.createdAt ?? new Date().toISOString(),
      };
      rows.set(connection.connectionId, { connection: stored, accessToken });
      return stored;
    },
    async list(customerId) {
      return [...rows.values()].map((row) => row.connection).filter((connection) => connection.customerId === customerId);
    },
    async find(connectionId) {
      return rows.get(connectionId)?.connection;
    },
    async accessToken(customerId, connectionId) {
      const row = rows.get(connectionId);
      return row?.connection.customerId === customerId ? row.accessToken : undefined;
    },
  };
}
