/**
 * The schema of the stores, as numbered migrations applied in order. Several
 * instances starting at once take an advisory lock, so each migration runs once.
 * A migration, once released, never changes: a change is a new migration.
 */
import type { SqlDatabase } from './sql-database';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'connections and the shared response cache',
    statements: [
      `CREATE TABLE trackstar_connections (
        connection_id text PRIMARY KEY,
        customer_id text NOT NULL,
        integration_type text NOT NULL,
        integration_name text NOT NULL,
        available_actions jsonb NOT NULL,
        access_token_encrypted text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX trackstar_connections_by_customer ON trackstar_connections (customer_id, created_at)',
      `CREATE TABLE trackstar_response_cache (
        cache_key text PRIMARY KEY,
        status integer NOT NULL,
        headers jsonb NOT NULL,
        body_base64 text,
        expires_at bigint NOT NULL,
        stored_at bigint NOT NULL,
        load_id text NOT NULL
      )`,
      `CREATE TABLE trackstar_cache_leases (
        cache_key text PRIMARY KEY,
        holder text NOT NULL,
        lease_until bigint NOT NULL
      )`,
    ],
  },
];

/** Any constant shared by every instance of this library; it names the lock, nothing else. */
const MIGRATION_LOCK_ID = 7_262_019;

/** Applies the migrations the database lacks; answers the versions it applied. */
export async function migrate(database: SqlDatabase): Promise<number[]> {
  return database.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    await tx.query(`CREATE TABLE IF NOT EXISTS trackstar_schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM trackstar_schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newlyApplied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO trackstar_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}
