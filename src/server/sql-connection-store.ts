import type { ConnectionStore, ConnectionToStore, StoredConnection } from './connection-store';
import type { SqlDatabase } from './sql-database';
import type { TokenCipher } from './token-cipher';

interface ConnectionRow {
  connection_id: string;
  customer_id: string;
  integration_type: string;
  integration_name: string;
  available_actions: unknown;
  created_at: Date | string;
}

const COLUMNS = 'connection_id, customer_id, integration_type, integration_name, available_actions, created_at';

function toConnection(row: ConnectionRow): StoredConnection {
  const actions = typeof row.available_actions === 'string' ? (JSON.parse(row.available_actions) as unknown) : row.available_actions;
  return {
    connectionId: row.connection_id,
    customerId: row.customer_id,
    integrationType: row.integration_type,
    integrationName: row.integration_name,
    availableActions: Array.isArray(actions) ? actions.filter((action): action is string => typeof action === 'string') : [],
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Connections in `trackstar_connections`; the access token column holds only ciphertext. */
export function createSqlConnectionStore(database: SqlDatabase, cipher: TokenCipher): ConnectionStore {
  return {
    async save(connection: ConnectionToStore) {
      const sealed = await cipher.encrypt(connection.accessToken, connection.connectionId);
      const { rows } = await database.query<ConnectionRow>(
        `INSERT INTO trackstar_connections
           (connection_id, customer_id, integration_type, integration_name, available_actions, access_token_encrypted)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6)
         ON CONFLICT (connection_id) DO UPDATE SET
           customer_id = EXCLUDED.customer_id,
           integration_type = EXCLUDED.integration_type,
           integration_name = EXCLUDED.integration_name,
           available_actions = EXCLUDED.available_actions,
           access_token_encrypted = EXCLUDED.access_token_encrypted,
           updated_at = now()
         RETURNING ${COLUMNS}`,
        [
          connection.connectionId,
          connection.customerId,
          connection.integrationType,
          connection.integrationName,
          JSON.stringify(connection.availableActions),
          sealed,
        ],
      );
      return toConnection(rows[0]!);
    },
    async list(customerId) {
      const { rows } = await database.query<ConnectionRow>(
        `SELECT ${COLUMNS} FROM trackstar_connections WHERE customer_id = $1 ORDER BY created_at, connection_id`,
        [customerId],
      );
      return rows.map(toConnection);
    },
    async find(connectionId) {
      const { rows } = await database.query<ConnectionRow>(`SELECT ${COLUMNS} FROM trackstar_connections WHERE connection_id = $1`, [connectionId]);
      return rows[0] === undefined ? undefined : toConnection(rows[0]);
    },
    async accessToken(customerId, connectionId) {
      const { rows } = await database.query<{ access_token_encrypted: string }>(
        'SELECT access_token_encrypted FROM trackstar_connections WHERE connection_id = $1 AND customer_id = $2',
        [connectionId, customerId],
      );
      return rows[0] === undefined ? undefined : cipher.decrypt(rows[0].access_token_encrypted, connectionId);
    },
  };
}
