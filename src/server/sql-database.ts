/**
 * The one database shape the stores need, met by PGlite (`./pglite`) and by a
 * PostgreSQL server through `pg` (`./postgres`): the same SQL runs on both.
 */

export interface SqlQueryable {
  query<Row>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

export interface SqlDatabase extends SqlQueryable {
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Where the data lives, for messages ("PostgreSQL at 127.0.0.1:5432", "PGlite in ./.data/pglite"). */
  readonly description: string;
}
